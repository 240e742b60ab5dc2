import { createDatabase, databaseExists, dropDatabase } from '@mtp/testing';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { loadMigrations, migrate } from '../../src/database/migrator.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK_KEY = 727_002;

function serverUrl(): string {
  const value = process.env.MTP_TEST_SERVER_URL;
  if (!value) throw new Error('MTP_TEST_SERVER_URL is not set: run the API tests through jest, whose global setup starts the database');
  return value;
}

/**
 * The migrated template, made once per set of migrations by whichever test file needs it first
 * (under a lock, as test files run in parallel); copies of it take milliseconds.
 */
async function ensureTemplate(server: string): Promise<string> {
  const migrations = loadMigrations();
  const fingerprint = createHash('sha256').update(migrations.map((migration) => migration.checksum).join()).digest('hex').slice(0, 16);
  const template = `mtp_template_${fingerprint}`;
  if (await databaseExists(server, template)) return template;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    if (!(await databaseExists(server, template))) {
      const scratch = await createDatabase(server, 'mtp_template_build');
      try {
        await migrate(scratch.url, migrations);
        await admin.query(`ALTER DATABASE "${scratch.name}" RENAME TO "${template}"`);
      } catch (error) {
        await dropDatabase(server, scratch.name);
        throw error;
      }
    }
    return template;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    await admin.end();
  }
}

/** A fresh copy of the migrated template, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  const database = await createDatabase(server, 'mtp_test', await ensureTemplate(server));
  return { ...database, drop: () => dropDatabase(server, database.name) };
}
