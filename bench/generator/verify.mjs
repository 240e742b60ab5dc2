// The check that the triggers kept org_stats right: recount every figure from the rows, in one query,
// and list the orgs whose stored figures differ (or that have no stats row at all).
const COUNTED = [
  ['users_total', 'u', 'count(*)'],
  ['users_active', 'u', "count(*) FILTER (WHERE state = 'active')"],
  ['users_suspended', 'u', "count(*) FILTER (WHERE state = 'suspended')"],
  ['users_staged', 'u', "count(*) FILTER (WHERE state = 'staged')"],
  ['users_mfa', 'u', 'count(*) FILTER (WHERE mfa_enrolled)'],
  ['users_locked', 'u', 'count(*) FILTER (WHERE locked_out)'],
  ['systems_total', 'y', 'count(*)'],
  ['systems_active', 'y', 'count(*) FILTER (WHERE active)'],
  ['admins', 'a', 'count(*)'],
];

const from = (alias) => COUNTED.filter(([, source]) => source === alias).map(([name, , expression]) => `${expression} AS ${name}`).join(', ');

// last_activity_at is a high-water mark that deletes do not lower, so it equals the recount only
// while no user has been deleted or had an earlier login written: true right after a bulk load.
export const STATS_DRIFT_SQL = `
  WITH u AS (SELECT org_id, ${from('u')}, max(last_login_at) AS last_login FROM directory_users GROUP BY org_id),
       y AS (SELECT org_id, ${from('y')} FROM systems GROUP BY org_id),
       a AS (SELECT org_id, ${from('a')} FROM org_admins GROUP BY org_id)
  SELECT o.id AS org_id, s.org_id IS NULL AS missing,
    ${COUNTED.map(([name, source]) => `s.${name} AS stored_${name}, coalesce(${source}.${name}, 0) AS counted_${name}`).join(', ')},
    s.last_activity_at AS stored_last_activity_at, u.last_login AS counted_last_activity_at
  FROM organizations o
  LEFT JOIN org_stats s ON s.org_id = o.id
  LEFT JOIN u ON u.org_id = o.id
  LEFT JOIN y ON y.org_id = o.id
  LEFT JOIN a ON a.org_id = o.id
  WHERE s.org_id IS NULL
     OR (${COUNTED.map(([name]) => `s.${name}`).join(', ')}, s.last_activity_at)
        IS DISTINCT FROM (${COUNTED.map(([name, source]) => `coalesce(${source}.${name}, 0)`).join(', ')}, u.last_login)`;

/** The orgs whose org_stats row differs from a recount; empty when the triggers kept up. */
export async function orgStatsDrift(client) {
  return (await client.query(STATS_DRIFT_SQL)).rows;
}
