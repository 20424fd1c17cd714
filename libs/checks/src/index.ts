export * from './check.enums';
export * from './clue.resource';
