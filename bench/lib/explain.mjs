// EXPLAIN (ANALYZE, BUFFERS) of a query, as text to read and as the facts a report keeps: which
// indexes the plan walked, which tables it read whole, and how long it took.

function walk(node, visit) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The plan's indexes (in plan order), the tables it scanned sequentially, and its times. */
export function planFacts(jsonPlan) {
  const [{ Plan: root, 'Planning Time': planningMs, 'Execution Time': executionMs }] = jsonPlan;
  const indexes = [];
  const seqScans = [];
  walk(root, (node) => {
    if (node['Index Name'] && !indexes.includes(node['Index Name'])) indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && !seqScans.includes(node['Relation Name'])) seqScans.push(node['Relation Name']);
  });
  // The root's buffer counts include its children's.
  return { indexes, seqScans, planningMs, executionMs, sharedHit: root['Shared Hit Blocks'] ?? 0, sharedRead: root['Shared Read Blocks'] ?? 0 };
}

/** Explains `sql` with `params` on `client` (ANALYZE runs it), in text and JSON. */
export async function explain(client, sql, params) {
  const text = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((row) => row['QUERY PLAN']).join('\n');
  const [{ 'QUERY PLAN': json }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows;
  return { text, ...planFacts(json) };
}
