import { ACME, GLOBEX } from '../../../testing/org-console-fixtures';
import { chunks, outcomeWords, parseRows } from './bulk-rows';

describe('reading a pasted list of organizations', () => {
  it('reads lines separated by commas, semicolons, tabs or spaces, and skips a header line', () => {
    const list = parseRows(
      ['OrgID;Admin email', `${ACME.orgId}, it@acme.example`, `${GLOBEX.orgId.toUpperCase()};ops@globex.example`, '', `"${'c'.repeat(24)}"\t"boss@initech.example"`, `${'d'.repeat(24)}   x@y.example`].join('\r\n'),
    );

    expect(list.rows.map(({ line, orgId, email, problem }) => [line, orgId, email, problem])).toEqual([
      [2, ACME.orgId, 'it@acme.example', null],
      [3, GLOBEX.orgId, 'ops@globex.example', null],
      [5, 'c'.repeat(24), 'boss@initech.example', null],
      [6, 'd'.repeat(24), 'x@y.example', null],
    ]);
    expect(list.duplicates).toBe(0);
  });

  it('keeps a first line that is a row', () => {
    expect(parseRows(`${ACME.orgId},it@acme.example`).rows).toHaveLength(1);
  });

  it('says why a row cannot be sent', () => {
    const problems = parseRows(['12345, it@acme.example', `${ACME.orgId}, not-an-email`, ACME.orgId, `${ACME.orgId} a@b.example extra`].join('\n')).rows.map(
      (row) => row.problem,
    );

    expect(problems).toEqual([
      'an OrgID has 24 characters, digits and a to f',
      'not a valid email address',
      'needs an OrgID and an email',
      'has more than an OrgID and an email',
    ]);
  });

  it('keeps each OrgID and email once, whatever their case', () => {
    const list = parseRows([`${ACME.orgId},it@acme.example`, `${ACME.orgId.toUpperCase()} IT@acme.example`, `${ACME.orgId},other@acme.example`].join('\n'));

    expect(list.rows.map((row) => row.email)).toEqual(['it@acme.example', 'other@acme.example']);
    expect(list.duplicates).toBe(1);
  });

  it('splits into batches of the given size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 25)).toEqual([]);
  });

  it('puts an outcome in words, with its reason when it failed', () => {
    const row = { line: 1, orgId: ACME.orgId, email: 'it@acme.example', problem: null };
    expect(outcomeWords({ ...row, outcome: 'requested', message: '' })).toBe('Requested');
    expect(outcomeWords({ ...row, outcome: 'failed', message: 'The portal cannot reach the server.' })).toBe('Failed: The portal cannot reach the server.');
    expect(outcomeWords({ ...row, outcome: 'not_sent', message: '' })).toBe('Not sent');
  });
});
