// A partner's past launch sessions, as months of use leave them: many partner admins, each with
// signed-out sign-ins, each sign-in with a few launches into the partner's orgs, most expired, some
// ended by the admin. The per-request check then reads launch_sessions through its indexes rather
// than from a table of a few rows. The orgs must already be in the partners' portfolios.

const ROLES = ['admin', 'manager', 'helpdesk'];

/**
 * Adds `adminsPerPartner` admins to each partner in `partnerIds`, `signInsPerAdmin` past sign-ins
 * each (spread over the last `days` days, all signed out) and `launchesPerSignIn` launches per
 * sign-in. `client` is one connection (the random draws are seeded on it). Answers the counts added.
 */
export async function addLaunchHistory(client, { partnerIds, adminsPerPartner, signInsPerAdmin, launchesPerSignIn, days = 90 }) {
  await client.query('SELECT setseed(0.42)');
  const { rows: admins } = await client.query(
    `INSERT INTO administrators (email, name, created_at)
     SELECT format('history.%s.%s@bench.mtp.local', p, i), format('History Admin %s-%s', p, i), now() - interval '1 year'
     FROM generate_series(1, $1::int) AS p, generate_series(1, $2::int) AS i
     RETURNING id, email`,
    [partnerIds.length, adminsPerPartner],
  );
  const members = admins.map(({ id, email }) => {
    const [, partner, index] = email.match(/^history\.(\d+)\.(\d+)@/);
    return { partnerId: partnerIds[Number(partner) - 1], administratorId: id, role: ROLES[Number(index) % ROLES.length] };
  });
  await client.query(
    `INSERT INTO partner_admins (partner_id, administrator_id, role, org_access, added_at)
     SELECT partner_id, administrator_id, role, 'all', now() - interval '1 year'
     FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(partner_id, administrator_id, role)`,
    [members.map((m) => m.partnerId), members.map((m) => m.administratorId), members.map((m) => m.role)],
  );
  const administratorIds = members.map((m) => m.administratorId);
  const { rowCount: signIns } = await client.query(
    `INSERT INTO auth_sessions (administrator_id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, ip, user_agent)
     SELECT administrator_id, at, at + interval '8 hours', at + interval '30 days', at + interval '8 hours', 'signed_out', '198.51.100.7', 'Mozilla/5.0 (bench history)'
     FROM (SELECT a AS administrator_id, now() - interval '1 day' - random() * $3::int * interval '1 day' AS at
           FROM unnest($1::uuid[]) AS a, generate_series(1, $2::int) AS k) AS s`,
    [administratorIds, signInsPerAdmin, days],
  );
  // Launches 70 minutes apart within each sign-in; 60 % ended by the admin after 12 minutes, the
  // rest simply expired (expiry is never written onto the row).
  const { rowCount: launches } = await client.query(
    `INSERT INTO launch_sessions (partner_id, administrator_id, org_id, auth_session_id, role, reason, ticket, started_at, expires_at, ended_at, ended_reason, ip, user_agent)
     SELECT m.partner_id, s.administrator_id, o.orgs[1 + floor(random() * cardinality(o.orgs))::int], s.id, m.role,
            'Help desk request', 'PSA-' || (1000 + floor(random() * 9000))::int,
            s.started, s.started + interval '60 minutes',
            CASE WHEN s.ended THEN s.started + interval '12 minutes' END, CASE WHEN s.ended THEN 'ended_by_admin' END, s.ip, s.user_agent
     FROM (SELECT a.id, a.administrator_id, a.ip, a.user_agent, a.created_at + k * interval '70 minutes' AS started, random() < 0.6 AS ended
           FROM auth_sessions a, generate_series(1, $2::int) AS k WHERE a.administrator_id = ANY($1::uuid[])) AS s
     JOIN partner_admins m ON m.administrator_id = s.administrator_id
     JOIN (SELECT partner_id, array_agg(org_id ORDER BY org_id) AS orgs FROM partner_associations WHERE status = 'active' GROUP BY partner_id) AS o
       ON o.partner_id = m.partner_id`,
    [administratorIds, launchesPerSignIn],
  );
  return { admins: admins.length, signIns, launches };
}

/** Rows and size (with indexes) of the tables a launch and its check read, after the history is in. */
export async function launchTables(client) {
  const tables = ['launch_sessions', 'auth_sessions', 'administrators', 'partner_admins', 'partners', 'organizations', 'audit_events'];
  const counted = [];
  for (const table of tables) {
    const { rows: [row] } = await client.query(`SELECT count(*)::int AS rows, pg_total_relation_size($1::regclass)::bigint AS bytes FROM ${table}`, [table]);
    counted.push({ table, rows: row.rows, bytesWithIndexes: Number(row.bytes) });
  }
  return counted;
}
