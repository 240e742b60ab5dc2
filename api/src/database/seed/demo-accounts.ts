import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS_FILE, type DemoAccount, type DemoAccountsFile } from '@mtp/contract';

export { DEMO_ACCOUNTS_FILE, type DemoAccount, type DemoAccountsFile };

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
