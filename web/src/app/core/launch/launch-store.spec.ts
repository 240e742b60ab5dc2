import { TestBed } from '@angular/core/testing';

import { aLaunch } from '../../../testing/launch-fixtures';
import { ACME, GLOBEX } from '../../../testing/org-console-fixtures';
import { LaunchStore } from './launch-store';
import { orgOfApiPath } from './launch-route';

describe('the launch sessions of a tab', () => {
  let store: LaunchStore;

  beforeEach(() => {
    store = TestBed.inject(LaunchStore);
  });

  it('keeps each org’s token for that org only', () => {
    store.hold(aLaunch(ACME, 'token-acme'));
    store.hold(aLaunch(GLOBEX, 'token-globex'));

    expect(store.tokenFor(ACME.orgId)).toBe('token-acme');
    expect(store.tokenFor(GLOBEX.orgId)).toBe('token-globex');
    expect(store.tokenFor('f'.repeat(24))).toBeNull();
    expect(store.launchOf(GLOBEX.orgId)?.session.org.name).toBe('Globex Retail');
  });

  it('ends one org’s session without touching the other’s', () => {
    store.hold(aLaunch(ACME, 'token-acme'));
    store.hold(aLaunch(GLOBEX, 'token-globex'));

    store.end(ACME.orgId, 'Ended by the admin.');

    expect(store.tokenFor(ACME.orgId)).toBeNull();
    expect(store.endedOf(ACME.orgId)).toEqual({ detail: 'Ended by the admin.', session: aLaunch(ACME).session });
    expect(store.tokenFor(GLOBEX.orgId)).toBe('token-globex');
    expect(store.endedOf(GLOBEX.orgId)).toBeNull();
  });

  it('takes a new launch into an org whose session ended, and forgets why it ended', () => {
    store.hold(aLaunch(ACME, 'token-1'));
    store.end(ACME.orgId, 'Its time ran out.');
    store.hold(aLaunch(ACME, 'token-2'));

    expect(store.tokenFor(ACME.orgId)).toBe('token-2');
    expect(store.endedOf(ACME.orgId)).toBeNull();
  });

  it('forgets every launch when cleared (signing out)', () => {
    store.hold(aLaunch(ACME));
    store.end(GLOBEX.orgId, 'Gone.');
    store.clear();

    expect(store.tokenFor(ACME.orgId)).toBeNull();
    expect(store.endedOf(GLOBEX.orgId)).toBeNull();
  });
});

describe('the org of an API path', () => {
  it.each([
    [`/api/v1/orgs/${ACME.orgId}`, ACME.orgId],
    [`/api/v1/orgs/${ACME.orgId}/users/u1/unlock`, ACME.orgId],
    ['/api/v1/orgs', null],
    ['/api/v1/org/users', null],
    ['/api/v1/orgsx/abc', null],
    [`/api/v1/partner/orgs/${ACME.orgId}`, null],
    ['/api/v1/me', null],
    ['/api/v1/orgs/%E0%A4%A/users', null],
  ])('%s belongs to %s', (path, orgId) => {
    expect(orgOfApiPath(path)).toBe(orgId);
  });
});
