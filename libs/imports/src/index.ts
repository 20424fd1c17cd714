export * from './import.resource';
export * from './export-job.resource';
