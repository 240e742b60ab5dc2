import { Injectable } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config.provider.js';
import { StaffService } from '../../identity/staff.service.js';
import { writeDemoAccounts, type DemoAccount } from './demo-accounts.js';

export interface SeedOutcome {
  seeded: boolean;
  accounts: DemoAccount[];
  accountsFile?: string;
}

/** A password nobody else has: demo data never ships with a known password. */
function demoPassword(): string {
  return `Demo-${randomBytes(12).toString('base64url')}`;
}

/**
 * Loads the demo data into an empty database, through the modules' services like any other client.
 * It never touches a database that already has data, so it is safe to run at every start.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly config: AppConfig,
    private readonly staff: StaffService,
  ) {}

  async seedIfEmpty(): Promise<SeedOutcome> {
    if ((await this.staff.count()) > 0) return { seeded: false, accounts: [] };
    const accounts: DemoAccount[] = [];
    const staffPassword = demoPassword();
    const staffUser = await this.staff.create({ email: 'staff@demo.mtp.local', name: 'Dana Staff', password: staffPassword });
    accounts.push({ role: 'platform staff (back-office)', email: staffUser.email, password: staffPassword, signInAt: `${this.config.publicUrl}/admin` });
    mkdirSync(this.config.dataDir, { recursive: true });
    const accountsFile = writeDemoAccounts(this.config.dataDir, accounts);
    return { seeded: true, accounts, accountsFile };
  }
}
