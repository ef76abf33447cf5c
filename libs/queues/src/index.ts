export * from './queue-names';
export * from './job-id';
export * from './connection';
export * from './queues.module';
export * from './after-commit';
export * from './hand-off';
