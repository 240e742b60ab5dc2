import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { PartnerOrgDto } from '../../orgs/portfolio/portfolio-orgs.dto.js';

const COLUMNS: [string, (org: PartnerOrgDto) => string | number | null][] = [
  ['OrgID', (org) => org.orgId],
  ['Name', (org) => withoutFormula(org.name)],
  ['Status', (org) => org.status],
  ['Users', (org) => org.usersTotal],
  ['Active users', (org) => org.usersActive],
  ['Suspended users', (org) => org.usersSuspended],
  ['Staged users', (org) => org.usersStaged],
  ['Systems', (org) => org.systemsTotal],
  ['Active systems', (org) => org.systemsActive],
  ['Admins', (org) => org.admins],
  ['MFA coverage %', (org) => org.mfaCoveragePercent],
  ['Locked out', (org) => org.usersLockedOut],
  ['Last activity', (org) => org.lastActivityAt?.toISOString() ?? null],
];

/**
 * A spreadsheet opening the file must not run a name as a formula (an org name is typed by people):
 * a leading = + - @ or control character is neutralised with an apostrophe, as OWASP advises.
 */
function withoutFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The org table as CSV, row by row as the rows arrive: nothing is held but the current batch. */
export function orgsAsCsv(orgs: AsyncIterable<PartnerOrgDto>): Readable {
  async function* records() {
    for await (const org of orgs) yield COLUMNS.map(([, value]) => value(org));
  }
  return Readable.from(records()).pipe(stringify({ header: true, columns: COLUMNS.map(([name]) => name), bom: true }));
}
