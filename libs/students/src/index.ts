export * from './student.enums';
export * from './student.resource';
