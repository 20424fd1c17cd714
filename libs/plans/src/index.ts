/** 工作计划: work plans, their duties and occurrences, and the 月点评 / 季通报 computed from the platform's data. */
export * from './plans.enums';
export * from './applies-to';
export * from './work-plan.resource';
export * from './duty.resource';
export * from './duty-occurrence.resource';
export * from './review.enums';
export * from './review-indicators';
export * from './review-period';
export * from './review-ranking';
export * from './review-weights.resource';
export * from './review.resource';
export * from './review-row.resource';
