import './backoffice/adminjs-environment.js';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { printBanner } from './banner.js';
import { DemoSeedService } from './database/seed/demo-seed.service.js';
import { prepareRuntime } from './runtime.js';

const SHUTDOWN_TIMEOUT_MS = 30_000;
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env, (line) => process.stderr.write(`${line}\n`));
  const { config } = runtime;
  // Everything relative (.env, DATA_DIR) is resolved by now. AdminJS's bundler resolves its Babel
  // plugins from the working folder, so the process works from the project's root wherever it was started.
  process.chdir(PROJECT_ROOT);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  configureApp(app);
  const seed = config.demoData ? await app.get(DemoSeedService).seedIfEmpty() : undefined;
  await app.listen(config.env.PORT, config.env.HOST).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new Error(`Port ${config.env.PORT} is already in use (set PORT to another one)`) : error;
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`mtp: ${signal} received, finishing in-flight requests\n`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    await runtime.embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.env.PORT;
  printBanner({ config, port, runtime, seed });
}

main().catch((error: unknown) => {
  process.stderr.write(`mtp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
