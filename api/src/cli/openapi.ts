import '../backoffice/adminjs-environment.js';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { tmpdir } from 'node:os';
import { AppModule } from '../app.module.js';
import { applyRouting } from '../app.setup.js';
import { parseEnvironment } from '../config/app-config.js';
import { AppConfig } from '../config/app-config.provider.js';
import { buildOpenApiDocument } from '../openapi/api-docs.js';
import { runCli } from './cli-output.js';

/**
 * Prints the OpenAPI document of the API as the running app serves it. The module graph is built
 * in preview mode: no provider runs, so no database is needed.
 */
runCli(async () => {
  // The document goes to stdout: no log line may land in it (the portal may not be built yet, say).
  Logger.overrideLogger(false);
  const env = parseEnvironment({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://spec-only@127.0.0.1/none' });
  const unusedSecrets = { jwtSecret: 'unused', cookieSecret: 'unused', encryptionKey: Buffer.alloc(32) };
  const config = new AppConfig(env, unusedSecrets, env.DATABASE_URL!, tmpdir(), false);
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  applyRouting(app);
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
});
