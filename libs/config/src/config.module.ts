import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './env.schema';

/** Injection token of the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the typed {@link AppConfig} everywhere; the entry point validates it before Nest starts. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
