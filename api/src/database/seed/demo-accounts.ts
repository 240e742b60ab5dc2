import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  /** Base32 TOTP secret for an authenticator app; absent when the account enrolls at first sign-in. */
  totpSecret?: string;
  /** Where this account signs in. */
  signInAt: string;
}

export interface DemoAccountsFile {
  createdAt: string;
  accounts: DemoAccount[];
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

export function writeDemoAccounts(dataDir: string, accounts: DemoAccount[]): string {
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  const content: DemoAccountsFile = { createdAt: new Date().toISOString(), accounts };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export function readDemoAccounts(dataDir: string): DemoAccountsFile | undefined {
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccountsFile) : undefined;
}
