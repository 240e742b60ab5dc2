import '../backoffice/adminjs-environment.js';
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { CommonModule } from '../common/common.module.js';
import { ConfigModule } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.provider.js';
import { DatabaseModule } from '../database/database.module.js';
import { DemoSeedService } from '../database/seed/demo-seed.service.js';
import { SeedModule } from '../database/seed/seed.module.js';
import { LoggingModule } from '../logging/logging.module.js';
import { prepareRuntime } from '../runtime.js';
import { runCli, say } from './cli-output.js';

@Module({})
class SeedCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: SeedCliModule, imports: [ConfigModule.forRoot(config), LoggingModule, CommonModule, DatabaseModule, AuditModule, SeedModule] };
  }
}

/** `npm run db:seed`: loads the demo data into an empty database (migrating it first). */
runCli(async () => {
  const runtime = await prepareRuntime(process.env, say);
  try {
    const context = await NestFactory.createApplicationContext(SeedCliModule.forRoot(runtime.config), { logger: ['error'] });
    const outcome = await context.get(DemoSeedService).seedIfEmpty();
    await context.close();
    if (!outcome.seeded) {
      say('The database already holds data: nothing seeded.');
      return;
    }
    say(`Demo data loaded. Accounts (also in ${outcome.accountsFile}):`);
    for (const account of outcome.accounts) {
      say(`  ${account.role}: ${account.email} / ${account.password}${account.totpSecret ? `  (TOTP secret ${account.totpSecret})` : ''}`);
    }
  } finally {
    await runtime.embedded?.stop();
  }
});
