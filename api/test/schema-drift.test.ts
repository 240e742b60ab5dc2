import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Tables that exist without an entity, and who owns them. */
const TABLES_WITHOUT_ENTITY = new Set([
  'schema_migrations', // the migrator's own bookkeeping
  'backoffice_sessions', // express-session's store for the back-office
  'rate_limit_counters', // identity's PostgreSQL rate limiter, which speaks SQL directly
  'system_users', // orgs: which users a system is bound to, written with SQL
  'launch_sessions', // sessions: launch sessions, written with SQL and by the revocation triggers
  'partner_user_hours', // orgs: the dashboard's hourly user counts per partner, kept by triggers and read with SQL
]);

/** How information_schema spells the types the entities declare. */
const TYPE_NAMES: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  timestamptz: 'timestamp with time zone',
  'timestamp with time zone': 'timestamp with time zone',
  integer: 'integer',
  int: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  jsonb: 'jsonb',
  bytea: 'bytea',
  'character varying': 'character varying',
  varchar: 'character varying',
  smallint: 'smallint',
  inet: 'inet',
  date: 'date',
};

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
}

describe('entities and migrations agree', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('maps every entity column to a migrated column of the same type and nullability, and every table to an owner', async () => {
    const dataSource = testApp.app.get(DataSource);
    const columns: DatabaseColumn[] = await dataSource.query(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byTable = new Map<string, Map<string, DatabaseColumn>>();
    for (const column of columns) {
      if (!byTable.has(column.table_name)) byTable.set(column.table_name, new Map());
      byTable.get(column.table_name)!.set(column.column_name, column);
    }
    const problems: string[] = [];
    for (const entity of dataSource.entityMetadatas) {
      const table = byTable.get(entity.tableName);
      if (!table) {
        problems.push(`entity ${entity.name}: table ${entity.tableName} is not created by any migration`);
        continue;
      }
      for (const column of entity.columns) {
        const migrated = table.get(column.databaseName);
        const declared = column.isArray ? 'ARRAY' : (TYPE_NAMES[String(column.type)] ?? String(column.type));
        if (!migrated) problems.push(`${entity.tableName}.${column.databaseName}: no such column in the migrations`);
        else if (migrated.data_type !== declared) problems.push(`${entity.tableName}.${column.databaseName}: entity says ${declared}, migrations say ${migrated.data_type}`);
        else if ((migrated.is_nullable === 'YES') !== column.isNullable) problems.push(`${entity.tableName}.${column.databaseName}: nullability differs`);
      }
      const mapped = new Set(entity.columns.map((column) => column.databaseName));
      for (const [name, migrated] of table) {
        if (!mapped.has(name) && migrated.is_nullable === 'NO') problems.push(`${entity.tableName}.${name}: required column unknown to entity ${entity.name}`);
      }
    }
    const entityTables = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName));
    for (const table of byTable.keys()) {
      if (!entityTables.has(table) && !TABLES_WITHOUT_ENTITY.has(table)) problems.push(`table ${table} has neither an entity nor a declared owner`);
    }
    expect(problems).toEqual([]);
  });
});
