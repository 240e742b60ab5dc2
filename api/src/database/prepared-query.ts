import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A hot read sent as a named prepared statement straight on the connection pool: PostgreSQL parses
 * and plans it once per connection instead of on every call, and TypeORM's query runner is not set
 * up around it. Worth it only for a statement run on every request (the launch session check).
 */
export async function preparedQuery<T extends object>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`; its public API only runs unnamed statements.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>({ name, text, values })).rows;
}
