export * from './check.enums';
export * from './clue.resource';
export * from './clue-action.resource';
export * from './checklist-definition';
export * from './checklist-definition.check';
export * from './checklist-scoring';
export * from './audit-rule-subject';
export * from './audit-rule.resource';
