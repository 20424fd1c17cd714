export * from './role';
export * from './field';
export * from './resource';
export * from './id-number';
export * from './mask';
export * from './schema-payload';
export * from './enums';
export * from './import-payload';
