import { ConfigError, parseEnvironment } from './app-config.js';
import { resolveSecrets } from './secrets.js';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('parseEnvironment', () => {
  it('gives every setting its documented default', () => {
    const env = parseEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: '.data', LOG_LEVEL: 'info', NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('reads the settings it is given and ignores unrelated variables', () => {
    const env = parseEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/mtp', LOG_LEVEL: 'debug', DEMO_DATA: 'false', HOME: '/root' });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u:p@db:5432/mtp', LOG_LEVEL: 'debug', DEMO_DATA: false });
    expect(env).not.toHaveProperty('HOME');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ENCRYPTION_KEY: 'not-base64' }, 'ENCRYPTION_KEY'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('refuses %p with one message naming %s', (input, name) => {
    expect(() => parseEnvironment(input)).toThrow(ConfigError);
    expect(() => parseEnvironment(input)).toThrow(new RegExp(name));
  });

  it('says what PORT must be when it is not a number', () => {
    expect(() => parseEnvironment({ PORT: 'abc' })).toThrow('Invalid configuration: PORT must be a whole number from 0 to 65535');
  });

  it('names every bad variable at once', () => {
    expect(() => parseEnvironment({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });
});

describe('resolveSecrets', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'mtp-secrets-'));
  const given = { JWT_SECRET: 'j'.repeat(40), COOKIE_SECRET: 'c'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };

  it('generates secrets once and keeps them in the data folder, readable by the owner only', () => {
    const dir = dataDir();
    const first = resolveSecrets(parseEnvironment({}), dir, true);
    const second = resolveSecrets(parseEnvironment({}), dir, true);
    expect(second).toEqual(first);
    expect(first.encryptionKey).toHaveLength(32);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(first.jwtSecret);
  });

  it('uses the secrets from the environment when given', () => {
    const secrets = resolveSecrets(parseEnvironment({ ...given, NODE_ENV: 'production', DATABASE_URL: 'postgres://db/mtp' }), dataDir(), false);
    expect(secrets.jwtSecret).toBe(given.JWT_SECRET);
    expect(secrets.encryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('has no default secrets in production on a shared database', () => {
    const env = parseEnvironment({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/mtp', JWT_SECRET: given.JWT_SECRET });
    expect(() => resolveSecrets(env, dataDir(), false)).toThrow('Missing configuration in production: COOKIE_SECRET, ENCRYPTION_KEY (no default secrets)');
  });
});
