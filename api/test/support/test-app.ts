import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { AppModule } from '../../src/app.module.js';
import { Clock } from '../../src/common/clock.js';
import { configureApp } from '../../src/app.setup.js';
import { parseEnvironment } from '../../src/config/app-config.js';
import { AppConfig } from '../../src/config/app-config.provider.js';
import { resolveSecrets } from '../../src/config/secrets.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Replaces the clock, for tests that move time. */
  clock?: Clock;
  /** Another API instance of the same deployment: its database and secrets, left in place on close. */
  sameDeploymentAs?: TestApp;
}

/** The whole application, as `npm start` builds it, on its own fresh database. */
export async function createTestApp(envOrOptions: Record<string, string> | TestAppOptions = {}): Promise<TestApp> {
  const options: TestAppOptions =
    'env' in envOrOptions || 'clock' in envOrOptions || 'sameDeploymentAs' in envOrOptions ? (envOrOptions as TestAppOptions) : { env: envOrOptions as Record<string, string> };
  const env = options.env ?? {};
  const sibling = options.sameDeploymentAs;
  const database = sibling?.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'mtp-test-data-'));
  const variables = parseEnvironment({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: database.url, DATA_DIR: dataDir, WEB_DIST_DIR: join(dataDir, 'no-web'), ...env });
  const config = new AppConfig(variables, sibling?.config.secrets ?? resolveSecrets(variables, dataDir, false), database.url, dataDir, false);
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    database,
    close: async () => {
      await app.close();
      if (!sibling) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
