import pg from 'pg';

export class DatabaseUnreachableError extends Error {}

/** Where a URL points, without its password: safe to print. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** Fails with one readable line when the database cannot be reached or refuses us. */
export async function checkDatabaseReachable(url: string, timeoutMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnreachableError(`Cannot reach the database at ${describeDatabaseUrl(url)} (${reason})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
