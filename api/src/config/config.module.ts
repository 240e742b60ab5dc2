import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.provider.js';

/** Makes the configuration resolved at boot injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
