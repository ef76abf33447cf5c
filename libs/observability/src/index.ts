export * from './logger.module';
export * from './metrics/metrics.registry';
export * from './metrics/metrics.module';
export * from './logging/pii';
