import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Administrator } from '../../src/identity/administrators/administrator.entity.js';
import { MfaService } from '../../src/identity/mfa/mfa.service.js';
import { totpCodeAt } from '../../src/identity/mfa/totp.js';
import type { Clock } from '../../src/common/clock.js';

export const KNOWN_PASSWORD = 'correct horse battery staple';
// argon2id (19 MiB, t=2, p=1) of KNOWN_PASSWORD, computed once: hashing per test would cost 10 ms a time.
const KNOWN_PASSWORD_HASH = '$argon2id$v=19$m=19456,p=1,t=2$c96J1ZmN0D+5lZENnk+cFA$syMOGwLGbl57uiYvzSrLqRekJi6N2HfLLnySPqIKx+M';

export interface TestAdministrator {
  id: string;
  email: string;
  password: string;
  /** Set when MFA is enrolled: the base32 TOTP secret. */
  totpSecret?: string;
  recoveryCodes?: string[];
}

let counter = 0;

/** An active administrator with KNOWN_PASSWORD, enrolled in MFA unless told otherwise. */
export async function createAdministrator(app: INestApplication, clock: Clock, options: { email?: string; enrolled?: boolean } = {}): Promise<TestAdministrator> {
  counter += 1;
  const dataSource = app.get(DataSource);
  const email = options.email ?? `admin${counter}-${Date.now()}@msp.example`;
  const saved = await dataSource.getRepository(Administrator).save({ email, name: `Admin ${counter}`, passwordHash: KNOWN_PASSWORD_HASH, status: 'active' });
  const administrator: TestAdministrator = { id: saved.id, email, password: KNOWN_PASSWORD };
  if (options.enrolled === false) return administrator;
  const mfa = app.get(MfaService);
  const { secret } = await mfa.startEnrollment({ type: 'administrator', id: saved.id }, email);
  // Enrolled one step in the past, so that the test's first code (current step) is still unused.
  const recoveryCodes = await dataSource.transaction((manager) =>
    mfa.confirmEnrollment(manager, { type: 'administrator', id: saved.id }, totpCodeAt(secret, new Date(clock.now().getTime() - 30_000))),
  );
  return { ...administrator, totpSecret: secret, recoveryCodes };
}

export function currentCode(administrator: TestAdministrator, clock: Clock, offsetSteps = 0): string {
  return totpCodeAt(administrator.totpSecret!, new Date(clock.now().getTime() + offsetSteps * 30_000));
}
