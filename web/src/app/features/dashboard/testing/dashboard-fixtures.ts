import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import {
  type BulkUserResultDto,
  type BulkUsersResultDto,
  type PortfolioOverviewDto,
  type PortfolioTotalsDto,
  type PortfolioUserDto,
  type PortfolioUserPageDto,
} from '@mtp/api-client';

import { ACME, GLOBEX, expectCall } from '../../../../testing/org-console-fixtures';
import { aMe, signInAsAda } from '../../../../testing/session-fixtures';
import { apiProblemInterceptor } from '../../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { DASHBOARD_NOW } from '../dashboard-clock';

export { ACME, GLOBEX };

/** The day the dashboard tests live on, so "in 3 days" reads the same whenever they run. */
export const TODAY = Date.parse('2026-11-20T12:00:00.000Z');

export const OVERVIEW = '/api/v1/partner/overview';
export const USERS = '/api/v1/partner/users';
export const UNLOCK = '/api/v1/partner/users/unlock';
export const SUSPEND = '/api/v1/partner/users/suspend';

/** The test module for dashboard pieces, signed in as Ada with this role in Northwind (none: no partner). */
export function setUpDashboard(role: string | null = 'owner'): HttpTestingController {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([apiProblemInterceptor])),
      provideHttpClientTesting(),
      provideAppIcons(),
      { provide: DASHBOARD_NOW, useValue: () => TODAY },
      // Dialogs close at once, as a test has no time for their animations.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  signInAsAda(aMe({ partnerMemberships: role ? [{ partnerId: 'p1', partnerName: 'Northwind MSP', role }] : [] }));
  return TestBed.inject(HttpTestingController);
}

/** Lets the component react (requests answered, deferred blocks, re-renders) before the next expectation. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

export function someTotals(overrides: Partial<PortfolioTotalsDto> = {}, users: Partial<PortfolioTotalsDto['users']> = {}): PortfolioTotalsDto {
  return {
    orgs: 5,
    users: {
      total: 1250, active: 1100, suspended: 90, staged: 60, activeWithMfa: 968, lockedOut: 13,
      passwordsExpired: 4, passwordsExpiringIn14Days: 37, newInLast7Days: 21, ...users,
    },
    systemsTotal: 400, systemsActive: 352, admins: 11, mfaCoveragePercent: 88, ...overrides,
  };
}

export function anOverview(overrides: Partial<PortfolioOverviewDto> = {}): PortfolioOverviewDto {
  return {
    asOf: '2026-11-20T11:58:00.000Z',
    totals: someTotals(),
    largestOrgs: [
      { orgId: ACME.orgId, name: ACME.orgName, users: 700 },
      { orgId: GLOBEX.orgId, name: GLOBEX.orgName, users: 400 },
      { orgId: 'c'.repeat(24), name: 'Initech', users: 150 },
    ],
    mfaCoverageBands: [
      { band: 'none', orgs: 1 },
      { band: 'below50', orgs: 0 },
      { band: '50to79', orgs: 1 },
      { band: '80to94', orgs: 2 },
      { band: '95to99', orgs: 0 },
      { band: 'full', orgs: 1 },
    ],
    systemsByOs: { windows: 250, macos: 90, linux: 55, other: 5 },
    ...overrides,
  };
}

export function aPortfolioUser(n: number, overrides: Partial<PortfolioUserDto> = {}): PortfolioUserDto {
  const org = n % 2 === 0 ? ACME : GLOBEX;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    org: { orgId: org.orgId, name: org.orgName },
    username: `user${n}`,
    email: `user${n}@example.com`,
    firstName: 'Test',
    lastName: `User ${n}`,
    state: 'active',
    mfaEnrolled: false,
    lockedOut: true,
    lockedOutAt: '2026-11-20T09:00:00.000Z',
    passwordExpiresAt: null,
    createdAt: '2026-02-01T08:00:00.000Z',
    lastLoginAt: null,
    ...overrides,
  };
}

/** Users numbered from..to, as a locked-out list would hold them. */
export function someUsers(from: number, to: number, overrides: Partial<PortfolioUserDto> = {}): PortfolioUserDto[] {
  return Array.from({ length: to - from + 1 }, (_, index) => aPortfolioUser(from + index, overrides));
}

export function aUserPage(items: PortfolioUserDto[], nextCursor: string | null = null): PortfolioUserPageDto {
  return { items, limit: 10, nextCursor };
}

export function aBulkResult(
  action: BulkUsersResultDto['action'],
  users: readonly PortfolioUserDto[],
  outcome: (user: PortfolioUserDto) => BulkUserResultDto['outcome'] = () => 'done',
): BulkUsersResultDto {
  return {
    action,
    results: users.map((user) => {
      const result = outcome(user);
      return result === 'not_found'
        ? { userId: user.id, org: null, outcome: result }
        : { userId: user.id, org: user.org, outcome: result, username: user.username };
    }),
  };
}

/** The pending request to the cross-org users list with this sort, whatever else its query says. */
export function expectUsers(http: HttpTestingController, sort: string): TestRequest {
  return http.expectOne(
    (request) => request.url === USERS && request.method === 'GET' && request.params.get('sort') === sort,
    `GET ${USERS}?sort=${sort}`,
  );
}

export interface DashboardLists {
  readonly lockouts?: PortfolioUserPageDto;
  readonly expiring?: PortfolioUserPageDto;
  readonly recent?: PortfolioUserPageDto;
}

/**
 * Answers the four reads a dashboard makes when it opens (and after each refresh): for a test of
 * the dashboard, or of a page that shows it (the home page of a partner's admin) and must leave
 * no request unanswered. Settle afterwards.
 */
export function answerDashboard(http: HttpTestingController, overview = anOverview(), lists: DashboardLists = {}): void {
  expectCall(http, OVERVIEW).flush(overview);
  expectUsers(http, 'lockedOutAt').flush(lists.lockouts ?? aUserPage([]));
  expectUsers(http, 'passwordExpiresAt').flush(lists.expiring ?? aUserPage([]));
  expectUsers(http, 'createdAt').flush(lists.recent ?? aUserPage([]));
}

/**
 * A table's body rows, each as the texts of its cells; the parts of a cell (username, then name)
 * are spaced as a browser lays them out, although the template leaves no space between them.
 */
export function rowsOf(table: Element | null): string[][] {
  const words = (node: Node) => (node.nodeType === Node.COMMENT_NODE ? '' : (node.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  return Array.from(table?.querySelectorAll('tbody tr') ?? [], (row) =>
    Array.from(row.children, (cell) => Array.from(cell.childNodes, words).filter(Boolean).join(' ')),
  );
}

/** A request's query as a plain object, to compare whole. */
export function queryOf(request: TestRequest): Record<string, string | null> {
  const params = request.request.params;
  return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
}

export { expectCall };
