import 'dotenv/config';
import { resolve } from 'node:path';
import { parseEnvironment } from './config/app-config.js';
import { AppConfig } from './config/app-config.provider.js';
import { resolveSecrets } from './config/secrets.js';
import { checkDatabaseReachable } from './database/database-connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database.js';
import { migrate } from './database/migrator.js';

export interface Runtime {
  config: AppConfig;
  embedded?: EmbeddedDatabase;
  appliedMigrations: string[];
}

/**
 * What must hold before the application starts: a valid configuration, a reachable database (the
 * embedded one when no DATABASE_URL is given) and an up-to-date schema.
 */
export async function prepareRuntime(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Runtime> {
  const variables = parseEnvironment(env);
  const dataDir = resolve(variables.DATA_DIR);
  const embedded = variables.DATABASE_URL ? undefined : await startEmbeddedDatabase(dataDir, log);
  try {
    const databaseUrl = variables.DATABASE_URL ?? embedded!.url;
    await checkDatabaseReachable(databaseUrl);
    const secrets = resolveSecrets(variables, dataDir, embedded !== undefined);
    const config = new AppConfig(variables, secrets, databaseUrl, dataDir, embedded !== undefined);
    const applied = await migrate(databaseUrl);
    return { config, embedded, appliedMigrations: applied.map((migration) => `${migration.version}_${migration.name}`) };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
