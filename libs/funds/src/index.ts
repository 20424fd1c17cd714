export * from './fund.enums';
export * from './allocation.resource';
export * from './disbursement-batch.resource';
export * from './disbursement.resource';
export * from './disbursement-exclusion.resource';
export * from './refund.resource';
export * from './fund-exception-note.resource';
export * from './fund-pages';
