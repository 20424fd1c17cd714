export * from './program.enums';
export * from './eligibility-subject';
export * from './program.rules';
export * from './program.resource';
export * from './roster.resource';
export * from './roster-entry.resource';
export * from './roster-action.resource';
