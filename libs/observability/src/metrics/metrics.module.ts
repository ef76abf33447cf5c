import { Global, Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/** Global: any library injects {@link MetricsRegistry} and registers its gauges at module init. */
@Global()
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class MetricsModule {}
