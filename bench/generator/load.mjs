// Bulk loading without COPY (pg-copy-streams is not installed): each batch is one
// INSERT ... SELECT FROM unnest(...) whose columns travel as array parameters, thousands of rows per
// round trip. A batch spans several orgs on purpose: the statement-level stats triggers then do one
// UPDATE per org per statement, not one per row.
import { BINDING_COLUMNS, BINDING_TYPES, directoryOf, SYSTEM_COLUMNS, SYSTEM_TYPES, USER_COLUMNS, USER_TYPES } from './directory.mjs';
import { ORG_COLUMNS, ORG_TYPES, orgRow } from './orgs.mjs';

const TABLES = {
  organizations: [ORG_COLUMNS, ORG_TYPES],
  directory_users: [USER_COLUMNS, USER_TYPES],
  systems: [SYSTEM_COLUMNS, SYSTEM_TYPES],
  system_users: [BINDING_COLUMNS, BINDING_TYPES],
};

export async function insertRows(client, table, rows) {
  if (rows.length === 0) return;
  const [columns, types] = TABLES[table];
  const arrays = columns.map((_, column) => rows.map((row) => row[column]));
  const unnest = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');
  // A named statement is parsed and planned once per connection, not once per batch.
  await client.query({ name: `bulk_${table}`, text: `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, values: arrays });
}

export async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error);
    throw error;
  }
}

export async function loadOrgs(pool, orgs, batchRows) {
  await inTransaction(pool, async (client) => {
    for (let first = 0; first < orgs.length; first += batchRows) await insertRows(client, 'organizations', orgs.slice(first, first + batchRows).map(orgRow));
  });
}

/**
 * Users, systems and their bindings, org after org, `batchRows` users per transaction, with up to
 * `connections` transactions in flight: while PostgreSQL writes one batch, Node builds the next.
 * Batches cover consecutive orgs, so two in flight share at most one org and cannot deadlock.
 */
export async function loadDirectories(pool, orgs, { random, now, batchRows, connections, onProgress = () => undefined }) {
  const running = new Set();
  let failure;
  let loaded = 0;
  const submit = async (batch) => {
    while (running.size >= connections) await Promise.race(running);
    if (failure) throw failure;
    const task = inTransaction(pool, async (client) => {
      await insertRows(client, 'directory_users', batch.users);
      await insertRows(client, 'systems', batch.systems);
      await insertRows(client, 'system_users', batch.bindings);
    })
      .then(() => onProgress((loaded += batch.users.length)))
      .catch((error) => (failure ??= error))
      .finally(() => running.delete(task));
    running.add(task);
  };
  let batch = { users: [], systems: [], bindings: [] };
  for (const org of orgs) {
    org.systems = 0;
    for (const { user, systems, bindings } of directoryOf(org, random, now)) {
      batch.users.push(user);
      batch.systems.push(...systems);
      batch.bindings.push(...bindings);
      org.systems += systems.length;
      if (batch.users.length >= batchRows) {
        await submit(batch);
        batch = { users: [], systems: [], bindings: [] };
      }
    }
  }
  if (batch.users.length > 0) await submit(batch);
  await Promise.all(running);
  if (failure) throw failure;
}
