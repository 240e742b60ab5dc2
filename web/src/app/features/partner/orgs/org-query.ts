import { type ExportPartnerOrgs$Params, type PartnerOrgDto } from '@mtp/api-client';

export type OrgSort = NonNullable<ExportPartnerOrgs$Params['sort']>;
export type OrgStatus = PartnerOrgDto['status'];

/** The org table's sort and filters: what its pages and its CSV export both take. */
export interface OrgFilters {
  readonly sort: OrgSort;
  readonly order: 'asc' | 'desc';
  readonly search: string;
  readonly status: OrgStatus | null;
  /** Only orgs whose MFA coverage is below this percent (1-100). */
  readonly mfaBelow: number | null;
  /** Only orgs with locked-out users; off means every org, not only those without. */
  readonly hasLockouts: boolean;
}

export const NO_ORG_FILTERS: OrgFilters = { sort: 'name', order: 'asc', search: '', status: null, mfaBelow: null, hasLockouts: false };

/** The API's query for these filters; filters not in use are left out. */
export function orgFilterParams(filters: OrgFilters): ExportPartnerOrgs$Params {
  return {
    sort: filters.sort,
    order: filters.order,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.mfaBelow !== null ? { mfaBelow: filters.mfaBelow } : {}),
    ...(filters.hasLockouts ? { hasLockouts: true } : {}),
  };
}

/** Whether anything narrows the list (the sort does not). */
export function isFiltered(filters: OrgFilters): boolean {
  return !!filters.search || filters.status !== null || filters.mfaBelow !== null || filters.hasLockouts;
}

/** The export's file name for a day, in the person's own calendar: orgs-2026-11-20.csv. */
export function exportFileName(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `orgs-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.csv`;
}
