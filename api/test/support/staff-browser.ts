import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { Clock } from '../../src/common/clock.js';
import { totpCodeAt } from '../../src/identity/mfa/totp.js';
import { StaffService } from '../../src/identity/staff.service.js';

let counter = 0;

/** A new staff member signed in to the back-office (password, then MFA enrollment), as a browser keeps its cookie. */
export async function signedInStaff(app: INestApplication, clock: Clock): Promise<{ browser: TestAgent; id: string; email: string }> {
  counter += 1;
  const staff = { email: `staff${counter}-${Date.now()}@platform.example`, name: `Staff ${counter}`, password: 'correct horse battery staple' };
  const id = (await app.get(StaffService).create(staff)).id;
  const browser = request.agent(app.getHttpServer());
  const password = await browser.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
  const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(password.text)![1]!;
  await browser.post('/admin/login/enroll').type('form').send({ code: totpCodeAt(secret, clock.now()) }).expect(200);
  return { browser, id, email: staff.email };
}
