import { type ListPartnerSystems$Params, type ListPartnerUsers$Params, type PortfolioSystemDto, type PortfolioUserDto } from '@mtp/api-client';

export type PortfolioUserSort = 'username' | 'createdAt' | 'lastLoginAt';
export type PortfolioSystemSort = NonNullable<ListPartnerSystems$Params['sort']>;

/** The cross-org users table's sort and filters; null is "any". */
export interface UserFilters {
  readonly sort: PortfolioUserSort;
  readonly order: 'asc' | 'desc';
  /** The OrgID of the one org to show. */
  readonly orgId: string | null;
  readonly state: PortfolioUserDto['state'] | null;
  readonly mfa: boolean | null;
  readonly locked: boolean | null;
}

export interface SystemFilters {
  readonly sort: PortfolioSystemSort;
  readonly order: 'asc' | 'desc';
  readonly orgId: string | null;
  readonly osFamily: PortfolioSystemDto['osFamily'] | null;
  readonly active: boolean | null;
}

export const NO_USER_FILTERS: UserFilters = { sort: 'username', order: 'asc', orgId: null, state: null, mfa: null, locked: null };
export const NO_SYSTEM_FILTERS: SystemFilters = { sort: 'hostname', order: 'asc', orgId: null, osFamily: null, active: null };

/** The API's query for these filters, leaving out those not in use. */
export function userFilterParams(filters: UserFilters): ListPartnerUsers$Params {
  return {
    sort: filters.sort,
    order: filters.order,
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.mfa !== null ? { mfa: filters.mfa } : {}),
    ...(filters.locked !== null ? { locked: filters.locked } : {}),
  };
}

export function systemFilterParams(filters: SystemFilters): ListPartnerSystems$Params {
  return {
    sort: filters.sort,
    order: filters.order,
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(filters.osFamily ? { osFamily: filters.osFamily } : {}),
    ...(filters.active !== null ? { active: filters.active } : {}),
  };
}

export function usersFiltered(filters: UserFilters): boolean {
  return filters.orgId !== null || filters.state !== null || filters.mfa !== null || filters.locked !== null;
}

export function systemsFiltered(filters: SystemFilters): boolean {
  return filters.orgId !== null || filters.osFamily !== null || filters.active !== null;
}
