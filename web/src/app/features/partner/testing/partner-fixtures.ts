import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  type OrgActivityEventDto,
  type PartnerAdminDto,
  type PartnerInvitationDto,
  type PartnerOrgDetailsDto,
  type PartnerOrgDto,
  type PartnerOrgPageDto,
  type PartnerSettingsDto,
  type PortfolioSystemDto,
  type PortfolioSystemPageDto,
  type PortfolioUserDto,
  type PortfolioUserPageDto,
} from '@mtp/api-client';

import { ACME, GLOBEX } from '../../../../testing/org-console-fixtures';
import { aMe, signInAsAda } from '../../../../testing/session-fixtures';
import { routes } from '../../../app.routes';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { apiProblemInterceptor } from '../../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';

export const NORTHWIND = { partnerId: 'p1', partnerName: 'Northwind MSP' };

export function partnerPath(rest: string): string {
  return `/api/v1/partner${rest}`;
}

/**
 * The app's own routes and interceptors, signed in as Ada with this role in Northwind (none: no
 * partner), with any further providers (a clock, say).
 */
export function setUpPartner(role: string | null, providers: Provider[] = []): HttpTestingController {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
      provideHttpClientTesting(),
      provideAppIcons(),
      { provide: SEARCH_DEBOUNCE_MS, useValue: 0 },
      // Dialogs and menus close at once, as a test has no time for their animations.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ...providers,
    ],
  });
  signInAsAda(aMe({ partnerMemberships: role ? [{ ...NORTHWIND, role }] : [] }));
  return TestBed.inject(HttpTestingController);
}

export function anAdmin(overrides: Partial<PartnerAdminDto> = {}): PartnerAdminDto {
  return {
    administratorId: 'a1', email: 'ada@partner.example', name: 'Ada Lovelace', role: 'owner', orgAccess: 'all', orgs: [],
    status: 'active', lastLoginAt: '2026-11-20T09:30:00.000Z', addedAt: '2026-01-05T10:00:00.000Z', you: true,
    ...overrides,
  };
}

/** A helpdesk admin who reaches three orgs: more than a table cell names. */
export function aHelpdesk(overrides: Partial<PartnerAdminDto> = {}): PartnerAdminDto {
  return anAdmin({
    administratorId: 'a2', email: 'grace@partner.example', name: 'Grace Hopper', role: 'helpdesk', orgAccess: 'selected',
    orgs: [{ orgId: ACME.orgId, name: ACME.orgName }, { orgId: GLOBEX.orgId, name: GLOBEX.orgName }, { orgId: 'c'.repeat(24), name: 'Initech' }],
    lastLoginAt: null, you: false, ...overrides,
  });
}

export function anInvitation(overrides: Partial<PartnerInvitationDto> = {}): PartnerInvitationDto {
  return {
    id: 'i1', email: 'new@partner.example', role: 'manager', orgAccess: 'all', orgs: [], status: 'pending', invitedBy: 'Ada Lovelace',
    createdAt: '2026-11-18T10:00:00.000Z', expiresAt: '2026-11-25T10:00:00.000Z', lastSentAt: '2026-11-19T10:00:00.000Z', sentCount: 2,
    ...overrides,
  };
}

export function aPartnerOrg(org = ACME, overrides: Partial<PartnerOrgDto> = {}): PartnerOrgDto {
  return {
    orgId: org.orgId, name: org.orgName, status: 'active', usersTotal: 48, usersActive: 40, usersSuspended: 5, usersStaged: 3,
    usersLockedOut: 2, systemsTotal: 36, systemsActive: 30, admins: 3, mfaCoveragePercent: 62.5, lastActivityAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A keyset page: `nextCursor` null means it is the last one. */
export function anOrgPage(items: PartnerOrgDto[], total = items.length, nextCursor: string | null = null, limit = 25): PartnerOrgPageDto {
  return { items, total, limit, nextCursor };
}

export function anActivityEvent(overrides: Partial<OrgActivityEventDto> = {}): OrgActivityEventDto {
  return {
    id: 'e1', occurredAt: '2026-11-20T09:30:00.000Z', actor: 'boss@acme.example', action: 'orgs.user.created', outcome: 'success',
    targetType: 'user', targetId: 'u1', details: { username: 'jdoe' }, launch: null,
    ...overrides,
  };
}

export function anOrgDetails(org = ACME, overrides: Partial<PartnerOrgDetailsDto> = {}): PartnerOrgDetailsDto {
  return {
    org: aPartnerOrg(org),
    admins: [{ name: 'Wile E. Coyote', email: 'boss@acme.example' }, { name: '', email: 'it@acme.example' }],
    association: { since: '2026-03-01T10:00:00.000Z', source: 'verified', by: 'ada@partner.example' },
    recentActivity: [anActivityEvent()],
    ...overrides,
  };
}

export function aPortfolioUser(overrides: Partial<PortfolioUserDto> = {}): PortfolioUserDto {
  return {
    id: 'u1', org: { orgId: ACME.orgId, name: ACME.orgName }, username: 'jdoe', email: 'jdoe@acme.example', firstName: 'Jane', lastName: 'Doe',
    state: 'active', mfaEnrolled: true, lockedOut: false, lockedOutAt: null, passwordExpiresAt: null, createdAt: '2026-02-01T08:00:00.000Z',
    lastLoginAt: '2026-03-02T08:00:00.000Z',
    ...overrides,
  };
}

export function aUserPage(items: PortfolioUserDto[], nextCursor: string | null = null, limit = 25): PortfolioUserPageDto {
  return { items, limit, nextCursor };
}

export function aPortfolioSystem(overrides: Partial<PortfolioSystemDto> = {}): PortfolioSystemDto {
  return {
    id: 's1', org: { orgId: ACME.orgId, name: ACME.orgName }, hostname: 'acme-ws-01', osFamily: 'windows', osVersion: '11 23H2',
    agentVersion: '4.2.0', active: true, lastContactAt: '2026-03-02T08:00:00.000Z', createdAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function aSystemPage(items: PortfolioSystemDto[], nextCursor: string | null = null, limit = 25): PortfolioSystemPageDto {
  return { items, limit, nextCursor };
}

export function aSettings(overrides: Partial<PartnerSettingsDto> = {}): PartnerSettingsDto {
  return {
    partnerId: NORTHWIND.partnerId, name: NORTHWIND.partnerName, kind: 'msp', status: 'active', createdAt: '2025-06-01T10:00:00.000Z',
    policy: { mfaRequired: true, launchReasonRequired: false, launchSessionMinutes: 60 },
    ...overrides,
  };
}

/** A request's query as a plain object, to compare whole. */
export function queryOf(request: { request: { params: { keys(): string[]; get(name: string): string | null } } }): Record<string, string | null> {
  return Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));
}
