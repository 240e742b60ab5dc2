import { type ParamMap, type Params } from '@angular/router';
import { type DirectoryUserDto, type ListOrgUsers$Params } from '@mtp/api-client';

export type UserSort = NonNullable<ListOrgUsers$Params['sort']>;
export type UserState = DirectoryUserDto['state'];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const SORTS: readonly UserSort[] = ['username', 'email', 'lastName', 'state', 'createdAt', 'lastLoginAt'];
const STATES: readonly UserState[] = ['staged', 'active', 'suspended'];

/** The users table as the address holds it, so a reload or a shared link shows the same rows. */
export interface UserQuery {
  readonly pageIndex: number;
  readonly pageSize: number;
  readonly sort: UserSort | null;
  readonly order: 'asc' | 'desc';
  readonly search: string;
  readonly state: UserState | null;
  readonly mfa: boolean | null;
  readonly locked: boolean;
}

export function parseUserQuery(params: ParamMap): UserQuery {
  const size = Number(params.get('size'));
  const sort = params.get('sort') as UserSort | null;
  const state = params.get('state') as UserState | null;
  const mfa = params.get('mfa');
  return {
    pageIndex: Math.max(0, Math.floor(Number(params.get('page')) || 1) - 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[1],
    sort: sort && SORTS.includes(sort) ? sort : null,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    search: params.get('q') ?? '',
    state: state && STATES.includes(state) ? state : null,
    mfa: mfa === 'true' ? true : mfa === 'false' ? false : null,
    locked: params.get('locked') === 'true',
  };
}

/** The address's query for a table state; defaults are left out (null removes them). */
export function userQueryParams(query: UserQuery): Params {
  return {
    page: query.pageIndex > 0 ? query.pageIndex + 1 : null,
    size: query.pageSize !== PAGE_SIZES[1] ? query.pageSize : null,
    sort: query.sort,
    order: query.sort && query.order === 'desc' ? 'desc' : null,
    q: query.search || null,
    state: query.state,
    mfa: query.mfa === null ? null : String(query.mfa),
    locked: query.locked ? 'true' : null,
  };
}

export function userListParams(query: UserQuery): Omit<ListOrgUsers$Params, 'orgId'> {
  return {
    limit: query.pageSize,
    offset: query.pageIndex * query.pageSize,
    ...(query.sort ? { sort: query.sort, order: query.order } : {}),
    ...(query.search.trim() ? { search: query.search.trim() } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.mfa !== null ? { mfa: query.mfa } : {}),
    ...(query.locked ? { locked: true } : {}),
  };
}

export function hasFilters(query: UserQuery): boolean {
  return !!query.search.trim() || query.state !== null || query.mfa !== null || query.locked;
}
