// Gives generated orgs to partners as platform staff would attach them, and counts what each partner
// then manages. The association triggers copy the managing partner onto org_stats, and the users and
// systems inserted afterwards take it from there.

/**
 * Attaches each generated org to its group's partner: group 0 to `firstPartnerId` (an existing
 * partner), every other group to a new partner named `${namePrefix} NN`. Answers the partners' ids
 * by group. Run it before the users are loaded, so no row has to be rewritten.
 */
export async function attachToPartners(pool, orgs, { firstPartnerId, namePrefix }) {
  const groups = Math.max(...orgs.map((org) => org.partnerIndex)) + 1;
  const { rows } = await pool.query(
    `INSERT INTO partners (name, kind) SELECT $1 || ' ' || lpad(i::text, 2, '0'), 'msp' FROM generate_series(1, $2::int) AS i RETURNING id, name`,
    [namePrefix, groups - 1],
  );
  const partnerIds = [firstPartnerId, ...rows.sort((a, b) => a.name.localeCompare(b.name)).map((row) => row.id)];
  await pool.query(
    `INSERT INTO partner_associations (partner_id, org_id, source, created_by_type, created_by_label)
     SELECT partner_id, org_id, 'staff', 'system', 'dashboard benchmark' FROM unnest($1::uuid[], $2::uuid[]) AS t(partner_id, org_id)`,
    [orgs.map((org) => partnerIds[org.partnerIndex]), orgs.map((org) => org.id)],
  );
  return partnerIds;
}

/** Orgs, users and systems per managing partner (from org_stats), and the copies the triggers made. */
export async function portfolioCounts(client, partnerId) {
  const { rows: partners } = await client.query(
    `SELECT p.name, count(*)::int AS orgs, sum(s.users_total)::int AS users, sum(s.systems_total)::int AS systems
     FROM org_stats s LEFT JOIN partners p ON p.id = s.partner_id GROUP BY s.partner_id, p.name ORDER BY orgs DESC, p.name`,
  );
  const { rows: [copies] } = await client.query(
    `SELECT (SELECT count(*) FROM directory_users WHERE partner_id = $1)::int AS users,
            (SELECT count(*) FROM systems WHERE partner_id = $1)::int AS systems`,
    [partnerId],
  );
  const { rows: [totals] } = await client.query(
    `SELECT (SELECT count(*) FROM partners)::int AS partners, (SELECT count(*) FROM organizations)::int AS orgs,
            (SELECT count(*) FROM directory_users)::int AS users, (SELECT count(*) FROM systems)::int AS systems,
            (SELECT count(*) FROM system_users)::int AS system_bindings, pg_database_size(current_database())::bigint AS database_bytes`,
  );
  // org_stats is rewritten by every change to its org's users, so its size after the load says how bloated it reads.
  const { rows: tables } = await client.query(
    `SELECT relname AS table, reltuples::bigint AS rows, relpages AS pages, pg_total_relation_size(oid)::bigint AS bytes_with_indexes
     FROM pg_class WHERE relname IN ('org_stats', 'directory_users', 'systems') ORDER BY relname`,
  );
  return {
    partners, partnerRowsCopied: copies, totals: { ...totals, database_bytes: Number(totals.database_bytes) },
    tables: tables.map((table) => ({ ...table, rows: Number(table.rows), bytes_with_indexes: Number(table.bytes_with_indexes) })),
  };
}
