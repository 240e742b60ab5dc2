import { type BulkUserResultDto, type MfaCoverageBandDto, type PortfolioUserDto } from '@mtp/api-client';

import { type PartnerRole } from '../partner/partner-role';

/** The partner roles the API lets unlock and suspend users across orgs; read-only may not. */
export const USER_ACTORS: readonly PartnerRole[] = ['owner', 'admin', 'manager', 'helpdesk'];

export type MfaBand = MfaCoverageBandDto['band'];

/** The bands from no coverage to full, in the order a chart shows them, with their labels. */
export const MFA_BANDS: readonly { readonly band: MfaBand; readonly label: string }[] = [
  { band: 'none', label: 'No active users' },
  { band: 'below50', label: '< 50 %' },
  { band: '50to79', label: '50–79 %' },
  { band: '80to94', label: '80–94 %' },
  { band: '95to99', label: '95–99 %' },
  { band: 'full', label: '100 %' },
];

export type BulkAction = 'unlock' | 'suspend';
export type BulkOutcome = BulkUserResultDto['outcome'];

export const OUTCOME_WORDS: Record<BulkOutcome, string> = {
  done: 'Done',
  unchanged: 'Unchanged',
  not_found: 'Not found',
  failed: 'Failed',
};

export const BULK_WORDS: Record<BulkAction, { readonly verb: string; readonly running: string; readonly title: string }> = {
  unlock: { verb: 'Unlock', running: 'Unlocking', title: 'Unlock results' },
  suspend: { verb: 'Suspend', running: 'Suspending', title: 'Suspend results' },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Expired", or how long a password has left: "in 3 days" (a part of a day counts as a day). */
export function expiryWords(expiresAt: string, now: number): { readonly expired: boolean; readonly words: string } {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) {
    return { expired: true, words: 'Expired' };
  }
  const days = Math.ceil(left / DAY_MS);
  return { expired: false, words: days === 1 ? 'in 1 day' : `in ${days} days` };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How a user is named in a list: the username, and the person's name when there is one. */
export function personName(user: Pick<PortfolioUserDto, 'firstName' | 'lastName'>): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ');
}
