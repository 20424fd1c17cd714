/** 结果全告知: letters to families, phone follow-ups and home visits, and the families' own aid query. */
export * from './outreach.enums';
export * from './letter-template.resource';
export * from './letter.resource';
export * from './follow-up-campaign.resource';
export * from './follow-up.resource';
export * from './follow-up-pages';
export * from './letter-placeholders';
export * from './letter-run.resource';
