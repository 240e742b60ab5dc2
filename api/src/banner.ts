import type { AppConfig } from './config/app-config.provider.js';
import { describeDatabaseUrl } from './database/database-connection.js';
import { readDemoAccounts, DEMO_ACCOUNTS_FILE } from './database/seed/demo-accounts.js';
import type { SeedOutcome } from './database/seed/demo-seed.service.js';
import type { Runtime } from './runtime.js';
import { join } from 'node:path';

/** What a person starting the portal needs to know, printed once it is ready. */
export function printBanner(input: { config: AppConfig; port: number; runtime: Runtime; seed?: SeedOutcome }): void {
  const { config, port, runtime, seed } = input;
  const base = config.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const database = runtime.embedded ? `embedded PostgreSQL in ${runtime.embedded.directory}` : describeDatabaseUrl(config.databaseUrl);
  const lines = [
    '',
    'MTP · Multi-Tenant Portal is ready',
    `  Portal        ${base}/`,
    `  Back-office   ${base}/admin`,
    `  API docs      ${base}/api/docs   (OpenAPI: ${base}/api/openapi.json)`,
    `  Database      ${database}${runtime.appliedMigrations.length ? `, ${runtime.appliedMigrations.length} migration(s) applied` : ''}`,
  ];
  const accountsFile = join(config.dataDir, DEMO_ACCOUNTS_FILE);
  if (seed?.seeded) {
    lines.push('', 'Demo accounts (also in ' + accountsFile + '):');
    for (const account of seed.accounts) {
      lines.push(`  ${account.role}: ${account.email} / ${account.password}  at ${account.signInAt}`);
      if (account.totpSecret) lines.push(`      TOTP secret for your authenticator app: ${account.totpSecret}`);
    }
  } else if (config.demoData && readDemoAccounts(config.dataDir)) {
    lines.push('', `Demo accounts: see ${accountsFile}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
