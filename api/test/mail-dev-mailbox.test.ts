import { PROBLEM_CONTENT_TYPE } from '@mtp/contract';
import { DataSource } from 'typeorm';
import { MailService } from '../src/mail/mail.service.js';
import { PRODUCT_NAME } from '../src/mail/templates/mail-template.js';
import { passwordResetEmail } from '../src/mail/templates/password-reset.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = '/api/v1/dev/mailbox';

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the dev mailbox (no SMTP_URL, not production)', () => {
  let testApp: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    // The worker runs as in `npm start`: on its own timer, delivering into the dev mailbox.
    testApp = await createTestApp({ MAIL_POLL_INTERVAL_MS: '20' });
    const mail = testApp.app.get(MailService);
    await testApp.app.get(DataSource).transaction(async (manager) => {
      for (const name of ['First', 'Second', '<i>Third</i>']) {
        const template = passwordResetEmail({ name, resetUrl: `https://portal.example.com/reset?token=${name.length}`, expiresInMinutes: 30 });
        ids.push(await mail.enqueue(manager, { to: `${name.length}@example.com`, template }));
      }
    });
  });
  afterAll(() => testApp.close());

  it('shows every queued email, newest first, delivered by the background worker', async () => {
    await waitUntil(async () => {
      const page = await testApp.http.get(MAILBOX).expect(200);
      return page.body.items.every((item: { status: string }) => item.status === 'sent');
    });
    const { body } = await testApp.http.get(MAILBOX).expect(200);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([...ids].reverse());
    expect(body.nextBefore).toBeNull();
    expect(body.items[0]).toEqual({
      id: ids[2],
      to: '12@example.com',
      subject: 'Reset your MTP password',
      text: expect.stringContaining('Hello <i>Third</i>,'),
      html: expect.stringContaining('Hello &lt;i&gt;Third&lt;/i&gt;,'),
      status: 'sent',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('pages with limit and before', async () => {
    const first = await testApp.http.get(MAILBOX).query({ limit: 2 }).expect(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextBefore).toBe(ids[1]);
    const second = await testApp.http.get(MAILBOX).query({ limit: 2, before: first.body.nextBefore }).expect(200);
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextBefore).toBeNull();
  });

  it('shows one message exactly as it was sent', async () => {
    const { body } = await testApp.http.get(`${MAILBOX}/${ids[0]}`).expect(200);
    expect(body).toMatchObject({ id: ids[0], to: '5@example.com', status: 'sent' });
    expect(body.text).toContain('https://portal.example.com/reset?token=5');
    expect(body.html).toContain(PRODUCT_NAME);
  });

  it('answers an unknown or malformed message id with 404 mail.message_not_found', async () => {
    for (const id of ['6f1c1a5e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await testApp.http.get(`${MAILBOX}/${id}`).expect(404);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body).toMatchObject({ status: 404, code: 'mail.message_not_found' });
    }
  });

  it('refuses a bad or unknown query parameter', async () => {
    for (const query of [{ limit: 0 }, { limit: 101 }, { limit: 'many' }, { before: 'yesterday' }, { page: 2 }]) {
      const response = await testApp.http.get(MAILBOX).query(query).expect(400);
      expect(response.body.code).toBe('request.validation_failed');
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const { body } = await testApp.http.get('/api/openapi.json').expect(200);
    expect(body.paths[MAILBOX].get.operationId).toBe('listDevMailbox');
    expect(body.paths[`${MAILBOX}/{id}`].get.operationId).toBe('getDevMailboxMessage');
  });
});

describe('the dev mailbox where it must not exist', () => {
  const productionSecrets = { JWT_SECRET: 'j'.repeat(40), COOKIE_SECRET: 'c'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

  it.each([
    ['SMTP_URL is set', { SMTP_URL: 'smtp://127.0.0.1:9' }],
    ['in production without demo data', { NODE_ENV: 'production', DEMO_DATA: 'false', ...productionSecrets }],
  ])('answers every route with 404 exactly like an unknown route when %s', async (_case, env) => {
    const testApp = await createTestApp({ MAIL_POLL_INTERVAL_MS: '0', ...env });
    try {
      for (const path of [MAILBOX, `${MAILBOX}?limit=abc`, `${MAILBOX}/6f1c1a5e-0000-4000-8000-000000000000`]) {
        const response = await testApp.http.get(path).expect(404);
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        const unknown = await testApp.http.get(path.replace('/dev/mailbox', '/dev/no-such-route')).expect(404);
        const shape = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined, detail: String(body.detail).replace('/dev/no-such-route', '/dev/mailbox') });
        expect(shape(response.body)).toEqual(shape(unknown.body));
        expect(response.body).toMatchObject({ code: 'request.not_found', detail: `Cannot GET ${path}` });
      }
    } finally {
      await testApp.close();
    }
  });
});
