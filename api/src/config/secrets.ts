import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type EnvironmentVariables } from './app-config.js';

export interface AppSecrets {
  jwtSecret: string;
  cookieSecret: string;
  /** 32-byte key for AES-256-GCM. */
  encryptionKey: Buffer;
}

interface StoredSecrets {
  jwtSecret: string;
  cookieSecret: string;
  encryptionKey: string;
}

const SECRETS_FILE = 'secrets.json';

/**
 * Secrets come from the environment. On the embedded database, or outside production, a missing one
 * is generated once and kept in the data folder, so that a new user needs nothing and restarts keep
 * sessions valid. In production on a shared database every one must be given: instances sharing a
 * database must share their secrets, and none has a default.
 */
export function resolveSecrets(env: EnvironmentVariables, dataDir: string, embeddedDatabase: boolean): AppSecrets {
  const given = { jwtSecret: env.JWT_SECRET, cookieSecret: env.COOKIE_SECRET, encryptionKey: env.ENCRYPTION_KEY };
  const missing = Object.entries({ JWT_SECRET: given.jwtSecret, COOKIE_SECRET: given.cookieSecret, ENCRYPTION_KEY: given.encryptionKey })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0 && env.NODE_ENV === 'production' && !embeddedDatabase) {
    throw new ConfigError(`Missing configuration in production: ${missing.join(', ')} (no default secrets)`);
  }
  const stored = missing.length > 0 ? loadOrCreateStoredSecrets(dataDir) : undefined;
  return {
    jwtSecret: given.jwtSecret ?? stored!.jwtSecret,
    cookieSecret: given.cookieSecret ?? stored!.cookieSecret,
    encryptionKey: Buffer.from(given.encryptionKey ?? stored!.encryptionKey, 'base64'),
  };
}

function loadOrCreateStoredSecrets(dataDir: string): StoredSecrets {
  const file = join(dataDir, SECRETS_FILE);
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  }
  const secrets: StoredSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    cookieSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}
