export * from './check.enums';
export * from './clue.resource';
export * from './clue-action.resource';
