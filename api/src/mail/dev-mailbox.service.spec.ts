import { parseEnvironment } from '../config/app-config.js';
import { AppConfig } from '../config/app-config.provider.js';
import { devMailboxEnabled } from './dev-mailbox.service.js';

const secrets = { jwtSecret: 'unused', cookieSecret: 'unused', encryptionKey: Buffer.alloc(32) };

function config(env: Record<string, string>, embeddedDatabase = false): AppConfig {
  const variables = parseEnvironment(env);
  return new AppConfig(variables, secrets, 'postgres://db/mtp', '/tmp', embeddedDatabase);
}

describe('when the dev mailbox is on', () => {
  it.each([
    ['development, no SMTP', {}, false, true],
    ['test, no SMTP', { NODE_ENV: 'test' }, false, true],
    ['npm start on the embedded database (production, demo data by default)', { NODE_ENV: 'production' }, true, true],
    ['production with DEMO_DATA=true', { NODE_ENV: 'production', DEMO_DATA: 'true' }, false, true],
    ['production on a shared database', { NODE_ENV: 'production' }, false, false],
    ['production on the embedded database with demo data turned off', { NODE_ENV: 'production', DEMO_DATA: 'false' }, true, false],
    ['development with SMTP', { SMTP_URL: 'smtp://mail.example.com:587' }, false, false],
    ['a demo with SMTP', { NODE_ENV: 'production', DEMO_DATA: 'true', SMTP_URL: 'smtp://mail.example.com' }, true, false],
  ])('%s', (_case, env: Record<string, string>, embedded, enabled) => {
    expect(devMailboxEnabled(config(env, embedded))).toBe(enabled);
  });
});
