export * from './test-env';
export * from './smtp-capture';
export * from './app-process';
