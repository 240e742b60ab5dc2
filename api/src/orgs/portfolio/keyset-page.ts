import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, keysetCondition } from '../../common/http/keyset-cursor.js';
import type { SqlConditions } from './portfolio-scope.js';

export interface KeysetSpec {
  /** The select list and FROM clause (the keyed table's alias is used in `key` and `id`). */
  select: string;
  from: string;
  where: SqlConditions;
  /** The sort key: an expression that is never null and that an index serves after the scope. */
  key: { sql: string; type: string };
  /** The unique tie-breaker, last column of that index. */
  id: string;
  order: 'asc' | 'desc';
  limit: number;
  /** The name cursors carry, so a cursor only continues the sort it came from. */
  sortName: string;
  cursor?: string;
}

/** One keyset page: reads limit + 1 rows to know whether another page follows. */
export async function keysetPage<Row extends { sort_key: string; keyset_id: string }>(dataSource: DataSource, spec: KeysetSpec): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const where = spec.where.clone();
  if (spec.cursor) {
    const after = decodeCursor(spec.cursor, spec.sortName, spec.key.type);
    where.add(keysetCondition(spec.key.sql, spec.id, spec.key.type, spec.order, where.params.length + 1));
    where.params.push(after.key, after.id);
  }
  const direction = spec.order === 'asc' ? 'ASC' : 'DESC';
  const rows: Row[] = await dataSource.query(
    `SELECT ${spec.select}, (${spec.key.sql})::text AS sort_key, ${spec.id} AS keyset_id FROM ${spec.from}
     WHERE ${where.sql} ORDER BY ${spec.key.sql} ${direction}, ${spec.id} ${direction} LIMIT ${where.param(spec.limit + 1)}`,
    where.params,
  );
  const page = rows.slice(0, spec.limit);
  const last = rows.length > spec.limit ? page.at(-1)! : null;
  return { rows: page, nextCursor: last ? encodeCursor({ sort: spec.sortName, key: last.sort_key, id: last.keyset_id }) : null };
}
