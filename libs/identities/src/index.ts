export * from './identity.enums';
export * from './comparison.enums';
export * from './identity-type.resource';
export * from './identity-list.resource';
export * from './identity.resource';
export * from './comparison.resource';
export * from './comparison-result.resource';
