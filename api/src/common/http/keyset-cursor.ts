import { DomainError } from '../domain-error.js';

/**
 * Where a keyset page ends: the sort key and unique id of its last row, bound to the sort it was made
 * for. Opaque to clients (base64url JSON); a cursor from another sort, or one edited by hand, is
 * refused rather than silently starting somewhere else.
 */
export interface KeysetPosition {
  sort: string;
  key: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString('base64url');
}

/** What a sort key of each SQL type looks like as PostgreSQL prints it, so a forged one never reaches SQL. */
const KEY_SHAPES: Record<string, (key: string) => boolean> = {
  int: (key) => /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= 2_147_483_647,
  text: (key) => key.length <= 400,
  timestamptz: (key) => {
    if (key === '-infinity' || key === 'infinity') return true;
    const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(:\d{2})?$/.exec(key);
    if (!match) return false;
    // A calendar date that exists (JavaScript rolls 02-31 over to March; PostgreSQL would refuse it).
    const day = new Date(`${match[1]}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(match[1]!) && !Number.isNaN(Date.parse(`${match[1]}T${match[2]}${match[3]}${match[4] ?? ':00'}`));
  },
};

export function decodeCursor(cursor: string, sort: string, keyType: string): KeysetPosition {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string')) throw invalidCursor();
  const [madeFor, key, id] = parts as [string, string, string];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw invalidCursor();
  if (madeFor !== sort) throw new DomainError('request.cursor_mismatch', 400, 'This cursor belongs to another sort order; start again from the first page');
  if (!KEY_SHAPES[keyType]!(key)) throw invalidCursor();
  return { sort, key, id };
}

/** A sort's cursor name: the column and its direction, so a cursor never crosses either. */
export const sortName = (sort: string, order: 'asc' | 'desc') => `${sort}:${order}`;

function invalidCursor(): DomainError {
  return new DomainError('request.cursor_invalid', 400, 'This cursor is not one the API gave out; start again from the first page');
}

/**
 * The SQL that continues after a position: `(key, id) > (…)` ascending, `<` descending, which the
 * index on (scope, key, id) serves in either direction. Placeholders are numbered from `next`.
 */
export function keysetCondition(keySql: string, idSql: string, keyType: string, order: 'asc' | 'desc', next: number): string {
  return `(${keySql}, ${idSql}) ${order === 'asc' ? '>' : '<'} ($${next}::${keyType}, $${next + 1}::uuid)`;
}
