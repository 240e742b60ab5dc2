import { type LaunchDto, type LaunchSessionDto } from '@mtp/api-client';

import { type LaunchClock } from '../app/core/launch/launch-clock';
import { ACME } from './org-console-fixtures';
import { ADA } from './session-fixtures';

/** The moment launch tests happen at: 2026-11-20 10:00 UTC. */
export const LAUNCH_T0 = Date.parse('2026-11-20T10:00:00.000Z');

/** A clock a test moves by hand, looked at every few milliseconds. */
export class HandClock implements LaunchClock {
  readonly tickMs = 5;
  private at = LAUNCH_T0;

  now(): number {
    return this.at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

export function aLaunchSession(org = ACME, overrides: Partial<LaunchSessionDto> = {}): LaunchSessionDto {
  return {
    id: `session-${org.orgId.slice(0, 4)}`,
    org: { orgId: org.orgId, name: org.orgName },
    admin: { id: ADA.id, email: ADA.email, name: ADA.name },
    partner: { id: 'p1', name: 'Northwind MSP' },
    role: 'owner',
    permissions: ['org.view', 'users.support', 'org.manage'],
    reason: null,
    ticket: null,
    startedAt: new Date(LAUNCH_T0).toISOString(),
    expiresAt: new Date(LAUNCH_T0 + 30 * 60_000).toISOString(),
    endedAt: null,
    endedReason: null,
    state: 'active',
    ip: '203.0.113.7',
    userAgent: 'jest',
    ...overrides,
  };
}

/** What launching (or asking a token again) answers. */
export function aLaunch(org = ACME, token = `launch-${org.orgId.slice(0, 4)}`, overrides: Partial<LaunchSessionDto> = {}): LaunchDto {
  const session = aLaunchSession(org, overrides);
  return { session, token, expiresAt: session.expiresAt };
}

/** A helpdesk session: it looks and supports users, and manages nothing. */
export function aHelpdeskLaunch(org = ACME): LaunchDto {
  return aLaunch(org, 'launch-helpdesk', { role: 'helpdesk', permissions: ['org.view', 'users.support'] });
}
