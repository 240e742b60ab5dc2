import { EMAIL, ORG_ID, normalizeOrgId } from './verification-words';

/** One line of the pasted list, as understood; `problem` says why it cannot be sent. */
export interface ParsedRow {
  readonly line: number;
  readonly orgId: string;
  readonly email: string;
  readonly problem: string | null;
}

export interface ParsedList {
  readonly rows: readonly ParsedRow[];
  /** Lines that repeated an earlier OrgID and email, left out. */
  readonly duplicates: number;
}

/** Where a row stands: before sending, while the list is sent, and after. */
export type Outcome = 'ready' | 'waiting' | 'sending' | 'requested' | 'invalid' | 'rate_limited' | 'failed' | 'not_sent';

export interface BulkRow extends ParsedRow {
  readonly outcome: Outcome;
  /** The reason of an invalid or failed row. */
  readonly message: string;
}

/** The rows a run sends: those never sent, and those a failure or a stop left behind. */
export const SENDABLE: readonly Outcome[] = ['ready', 'failed', 'not_sent'];

const OUTCOME_WORDS: Record<Outcome, string> = {
  ready: 'Ready',
  waiting: 'Waiting',
  sending: 'Sending…',
  requested: 'Requested',
  invalid: 'Invalid',
  rate_limited: 'Rate limited',
  failed: 'Failed',
  not_sent: 'Not sent',
};

export function outcomeWords(row: BulkRow): string {
  const word = OUTCOME_WORDS[row.outcome];
  return row.message && (row.outcome === 'invalid' || row.outcome === 'failed' || row.outcome === 'rate_limited') ? `${word}: ${row.message}` : word;
}

/**
 * Reads "OrgID, email" lines, separated by commas, semicolons, tabs or spaces as spreadsheets
 * export them. A first line naming the columns is skipped, and repeated rows are kept once.
 */
export function parseRows(text: string): ParsedList {
  const rows: ParsedRow[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let first = true;
  text.split(/\r?\n/).forEach((raw, index) => {
    const cells = raw
      .split(/[\s,;]+/)
      .map((cell) => cell.replace(/^["']+|["']+$/g, ''))
      .filter((cell) => cell !== '');
    if (cells.length === 0) {
      return;
    }
    const header = first && isHeader(raw, cells);
    first = false;
    if (header) {
      return;
    }
    const row = toRow(index + 1, cells);
    const key = `${row.orgId}\n${row.email.toLowerCase()}`;
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    rows.push(row);
  });
  return { rows, duplicates };
}

function isHeader(line: string, cells: readonly string[]): boolean {
  return !line.includes('@') && !ORG_ID.test(normalizeOrgId(cells[0])) && /org|mail/i.test(line);
}

function toRow(line: number, cells: readonly string[]): ParsedRow {
  const orgId = normalizeOrgId(cells[0] ?? '');
  const email = cells[1] ?? '';
  return { line, orgId, email, problem: problemOf(orgId, email, cells.length) };
}

function problemOf(orgId: string, email: string, cellCount: number): string | null {
  if (cellCount < 2) {
    return 'needs an OrgID and an email';
  }
  if (cellCount > 2) {
    return 'has more than an OrgID and an email';
  }
  if (!ORG_ID.test(orgId)) {
    return 'an OrgID has 24 characters, digits and a to f';
  }
  return EMAIL.test(email) ? null : 'not a valid email address';
}

/** Splits the rows to send into the API's largest batches. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
