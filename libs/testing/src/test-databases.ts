import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The URL of `database` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A new database, empty or a copy of `template`; its name says who made it, for cleaning up. */
export async function createDatabase(serverUrl: string, prefix: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`));
  return { name, url: databaseUrl(serverUrl, name) };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withAdmin(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Drops the databases a crashed earlier run left behind. */
export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<number> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}\\_%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(row.datname)} WITH (FORCE)`);
    return rows.length;
  });
}
