import { aMe } from '../../../testing/session-fixtures';
import { isSafeReturnUrl, landingUrl } from './sign-in-flow';

const PARTNER = { partnerId: 'p1', partnerName: 'Northwind MSP', role: 'administrator' };
const ACME = { orgId: '5f0c1e2d3c4b5a6978877665', orgName: 'Acme' };
const GLOBEX = { orgId: '6a1d2e3f4a5b6c7d8e9f0a1b', orgName: 'Globex' };

describe('landingUrl', () => {
  it.each([
    ['a partner admin', aMe({ partnerMemberships: [PARTNER] }), '/'],
    ['an admin of one org only', aMe({ orgMemberships: [ACME] }), `/orgs/${ACME.orgId}`],
    ['an admin of several orgs, to the first', aMe({ orgMemberships: [ACME, GLOBEX] }), `/orgs/${ACME.orgId}`],
    ['a partner admin who also runs an org', aMe({ partnerMemberships: [PARTNER], orgMemberships: [ACME] }), '/choose'],
    ['an admin with no membership', aMe(), '/no-access'],
  ])('takes %s to %s', (_who, me, url) => {
    expect(landingUrl(me)).toBe(url);
  });

  it('goes home while who is signed in is not known', () => {
    expect(landingUrl(null)).toBe('/');
  });
});

describe('isSafeReturnUrl', () => {
  it.each(['/account', '/orgs/abc?x=1'])('accepts the portal path %s', (url) => expect(isSafeReturnUrl(url)).toBe(true));

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', '/sign-in', '/sign-in/verify', 'account'])(
    'refuses %s',
    (url) => expect(isSafeReturnUrl(url)).toBe(false),
  );
});
