import { createDatabase, dropDatabase } from '@mtp/testing';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { loadMigrations, migrate, MigrationEditedError, type Migration } from '../src/database/migrator.js';

const serverUrl = () => process.env.MTP_TEST_SERVER_URL!;

function migration(version: string, name: string, sql: string): Migration {
  return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the SQL migrator', () => {
  let database: { name: string; url: string };
  beforeEach(async () => {
    database = await createDatabase(serverUrl(), 'mtp_test_migrator');
  });
  afterEach(() => dropDatabase(serverUrl(), database.name));

  it('applies the committed migrations in order, once', async () => {
    const committed = loadMigrations();
    expect(committed.map((m) => m.version)).toEqual([...committed.map((m) => m.version)].sort());
    expect((await migrate(database.url)).length).toBe(committed.length);
    expect(await migrate(database.url)).toEqual([]);
    const rows = await query<{ version: string }>(database.url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(committed.map((m) => m.version));
  });

  it('refuses to start when a landed migration was edited', async () => {
    await migrate(database.url, [migration('0001', 'things', 'CREATE TABLE things (id int)')]);
    await expect(migrate(database.url, [migration('0001', 'things', 'CREATE TABLE things (id bigint)')])).rejects.toThrow(MigrationEditedError);
  });

  it('rolls a failing migration back whole and records nothing of it', async () => {
    const failing = migration('0002', 'broken', 'CREATE TABLE half (id int); SELECT * FROM no_such_table;');
    await expect(migrate(database.url, [migration('0001', 'ok', 'CREATE TABLE ok (id int)'), failing])).rejects.toThrow('Migration 0002_broken failed');
    const tables = await query<{ table_name: string }>(database.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((row) => row.table_name)).toEqual(['ok', 'schema_migrations']);
  });

  it('migrates once when several instances start together', async () => {
    const set = [migration('0001', 'counter', 'CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);')];
    const results = await Promise.all([migrate(database.url, set), migrate(database.url, set), migrate(database.url, set)]);
    expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, 1]);
    expect(await query(database.url, 'SELECT n FROM counter')).toEqual([{ n: 1 }]);
  });
});
