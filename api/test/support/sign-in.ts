import type TestAgent from 'supertest/lib/agent.js';
import type { Clock } from '../../src/common/clock.js';
import { currentCode, type TestAdministrator } from './identity-fixtures.js';

export interface SignedInSession {
  accessToken: string;
  /** The `mtp_refresh=...` pair, ready for a Cookie header. */
  refreshCookie: string;
}

export function refreshCookieOf(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = cookies.find((cookie) => cookie.startsWith('mtp_refresh='));
  if (!found) throw new Error('no refresh cookie was set');
  return found.split(';')[0]!;
}

/** Password then TOTP, as the portal does; `offsetSteps` picks a code of a neighbouring step. */
export async function signIn(http: TestAgent, administrator: TestAdministrator, clock: Clock, offsetSteps = 0): Promise<SignedInSession> {
  const login = await http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200);
  const mfa = await http
    .post('/api/v1/auth/mfa')
    .send({ challengeToken: login.body.challengeToken, code: currentCode(administrator, clock, offsetSteps) })
    .expect(200);
  return { accessToken: mfa.body.accessToken, refreshCookie: refreshCookieOf(mfa.headers['set-cookie']) };
}
