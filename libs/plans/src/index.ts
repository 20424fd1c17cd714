/** 工作计划: work plans, their duties and occurrences, and the 月点评 / 季通报 computed from the platform's data. */
export * from './plans.enums';
export * from './applies-to';
export * from './work-plan.resource';
export * from './duty.resource';
export * from './duty-occurrence.resource';
