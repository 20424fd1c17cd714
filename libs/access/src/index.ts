export * from './user.resource';
export * from './audit-log.resource';
