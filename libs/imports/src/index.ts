export * from './import.resource';
