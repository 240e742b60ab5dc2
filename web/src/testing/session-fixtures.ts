import { TestBed } from '@angular/core/testing';
import { type MeDto, type SessionDto } from '@mtp/api-client';

import { SessionService } from '../app/core/auth/session.service';
import { SessionStore } from '../app/core/auth/session-store';

export const ADA = { id: 'a1b2c3', email: 'ada@partner.example', name: 'Ada Lovelace' } as const;

/** A `me` with no memberships, like the demo admins today. */
export function aMe(overrides: Partial<MeDto> = {}): MeDto {
  return {
    ...ADA,
    mfaEnrolled: true,
    recoveryCodesRemaining: 10,
    lastLoginAt: '2026-11-20T09:30:00.000Z',
    partnerMemberships: [],
    orgMemberships: [],
    ...overrides,
  };
}

export function aSession(accessToken = 'access-1', expiresIn = 900): SessionDto {
  return { accessToken, expiresIn, administrator: { ...ADA } };
}

/** Signs Ada in as a finished sign-in would, without any request. */
export function signInAsAda(me: MeDto | null = aMe(), accessToken = 'access-1'): void {
  TestBed.inject(SessionService).begin(aSession(accessToken));
  if (me) {
    TestBed.inject(SessionStore).setMe(me);
  }
}
