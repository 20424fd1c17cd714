export * from './region.resource';
export * from './school.resource';
