import { decodeCursor, encodeCursor, keysetCondition, sortName } from './keyset-cursor.js';

const ID = '0b9e7c1a-5f4d-4e2b-9c3a-1d2e3f4a5b6c';

describe('keyset cursors', () => {
  it('round-trips a position for the sort it was made for', () => {
    const sort = sortName('users', 'desc');
    for (const [key, type] of [['42', 'int'], ['acme dental', 'text'], ['2026-11-28 23:47:40.123+00', 'timestamptz'], ['-infinity', 'timestamptz']] as const) {
      expect(decodeCursor(encodeCursor({ sort, key, id: ID }), sort, type)).toEqual({ sort, key, id: ID });
    }
  });

  it('refuses a cursor of another sort or direction, naming the mismatch', () => {
    const cursor = encodeCursor({ sort: sortName('users', 'desc'), key: '42', id: ID });
    expect(() => decodeCursor(cursor, sortName('users', 'asc'), 'int')).toThrow(expect.objectContaining({ code: 'request.cursor_mismatch', status: 400 }));
  });

  it('refuses garbage and keys that could not be of the sort’s type', () => {
    const forged = (key: string, id = ID) => Buffer.from(JSON.stringify(['users:asc', key, id])).toString('base64url');
    for (const [cursor, type] of [
      ['%%%', 'int'],
      [Buffer.from('{"a":1}').toString('base64url'), 'int'],
      [forged('12abc'), 'int'],
      [forged('99999999999'), 'int'],
      [forged('2026-02-31T00:00:00Z'), 'timestamptz'],
      [forged('2026-02-31 00:00:00+00'), 'timestamptz'],
      [forged('2026-13-01 00:00:00+00'), 'timestamptz'],
      [forged('42', 'not-a-uuid'), 'int'],
    ] as const) {
      expect(() => decodeCursor(cursor, 'users:asc', type)).toThrow(expect.objectContaining({ code: 'request.cursor_invalid', status: 400 }));
    }
  });

  it('continues after the position in either direction', () => {
    expect(keysetCondition('s.users_total', 's.org_id', 'int', 'asc', 3)).toBe('(s.users_total, s.org_id) > ($3::int, $4::uuid)');
    expect(keysetCondition('s.users_total', 's.org_id', 'int', 'desc', 3)).toBe('(s.users_total, s.org_id) < ($3::int, $4::uuid)');
  });
});
