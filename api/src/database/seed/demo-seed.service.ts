import { Injectable } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config.provider.js';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '../../common/clock.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { MfaService, type MfaPrincipal } from '../../identity/mfa/mfa.service.js';
import { totpCodeAt } from '../../identity/mfa/totp.js';
import { StaffService } from '../../identity/staff.service.js';
import { OrganizationsService } from '../../orgs/organizations/organizations.service.js';
import type { Organization } from '../../orgs/organizations/organization.entity.js';
import { PartnerAdminsService } from '../../partners/admins/partner-admins.service.js';
import { AssociationsService } from '../../partners/associations/associations.service.js';
import { PartnersService } from '../../partners/partners.service.js';
import { seedDemoPartner } from './demo-partner.js';
import { seedDemoDirectory } from './demo-directory.js';
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
    private readonly administrators: AdministratorsService,
    private readonly mfa: MfaService,
    private readonly clock: Clock,
    private readonly orgs: OrganizationsService,
    private readonly partners: PartnersService,
    private readonly partnerAdmins: PartnerAdminsService,
    private readonly associations: AssociationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seedIfEmpty(): Promise<SeedOutcome> {
    if ((await this.staff.count()) > 0) return { seeded: false, accounts: [] };
    const portal = `${this.config.publicUrl}/`;
    const accounts: DemoAccount[] = [];

    const staffPassword = demoPassword();
    const staffUser = await this.staff.create({ email: 'staff@demo.mtp.local', name: 'Dana Staff', password: staffPassword });
    const staffSecret = await this.enroll({ type: 'staff', id: staffUser.id }, staffUser.email);
    accounts.push({ role: 'platform staff (back-office)', email: staffUser.email, password: staffPassword, totpSecret: staffSecret, signInAt: `${this.config.publicUrl}/admin` });

    const adminPassword = demoPassword();
    const admin = await this.administrators.create({ email: 'ana@demo.mtp.local', name: 'Ana Admin', password: adminPassword });
    const adminSecret = await this.enroll({ type: 'administrator', id: admin.id }, admin.email);
    accounts.push({ role: 'partner owner of Northwind IT Services (portal)', email: admin.email, password: adminPassword, totpSecret: adminSecret, signInAt: portal });

    const helpdeskPassword = demoPassword();
    const helpdesk = await this.administrators.create({ email: 'hugo@demo.mtp.local', name: 'Hugo Helpdesk', password: helpdeskPassword });
    const helpdeskSecret = await this.enroll({ type: 'administrator', id: helpdesk.id }, helpdesk.email);
    accounts.push({ role: 'partner helpdesk admin of Northwind, limited to Acme and Globex (portal)', email: helpdesk.email, password: helpdeskPassword, totpSecret: helpdeskSecret, signInAt: portal });

    const newcomerPassword = demoPassword();
    const newcomer = await this.administrators.create({ email: 'new.admin@demo.mtp.local', name: 'Noah Newcomer', password: newcomerPassword });
    accounts.push({ role: 'administrator (portal), sets up MFA at first sign-in', email: newcomer.email, password: newcomerPassword, signInAt: portal });

    const orgAdminPassword = demoPassword();
    const orgAdmin = await this.administrators.create({ email: 'olivia@demo.mtp.local', name: 'Olivia Orgadmin', password: orgAdminPassword });
    const orgAdminSecret = await this.enroll({ type: 'administrator', id: orgAdmin.id }, orgAdmin.email);
    accounts.push({ role: 'customer org admin of Acme, Globex, Tailspin and Woodgrove (org console)', email: orgAdmin.email, password: orgAdminPassword, totpSecret: orgAdminSecret, signInAt: portal });
    await this.seedOrganizations(orgAdmin.id, { ownerId: admin.id, helpdeskId: helpdesk.id });

    mkdirSync(this.config.dataDir, { recursive: true });
    const accountsFile = writeDemoAccounts(this.config.dataDir, accounts);
    return { seeded: true, accounts, accountsFile };
  }

  private async seedOrganizations(orgAdminId: string, partnerAdmins: { ownerId: string; helpdeskId: string }): Promise<void> {
    const now = this.clock.now();
    const demo = [
      { name: 'Acme Manufacturing', domain: 'acme.example', users: 48, systems: 36, admin: orgAdminId, source: 'verified' as const },
      { name: 'Globex Retail', domain: 'globex.example', users: 27, systems: 18, admin: orgAdminId, source: 'verified' as const },
      { name: 'Initech Legal', domain: 'initech.example', users: 14, systems: 9, admin: undefined, source: 'staff' as const },
      { name: 'Contoso Dental', domain: 'contoso.example', users: 22, systems: 15, admin: undefined, source: 'created' as const },
      { name: 'Fabrikam Design', domain: 'fabrikam.example', users: 9, systems: 7, admin: undefined, source: 'created' as const },
      // Customers no partner manages yet: to verify, or for staff to attach to a partner.
      { name: 'Tailspin Travel', domain: 'tailspin.example', users: 31, systems: 20, admin: orgAdminId, source: null },
      { name: 'Woodgrove Bakery', domain: 'woodgrove.example', users: 12, systems: 8, admin: orgAdminId, source: null },
      { name: 'Litware Labs', domain: 'litware.example', users: 6, systems: 4, admin: undefined, source: null },
    ];
    await this.dataSource.transaction(async (manager) => {
      const portfolio: { org: Organization; source: 'created' | 'verified' | 'staff' }[] = [];
      for (const org of demo) {
        const created = await this.orgs.create(manager, { name: org.name, firstAdminId: org.admin });
        await seedDemoDirectory(manager, created.id, org.domain, org, now);
        if (org.source) portfolio.push({ org: created, source: org.source });
      }
      await seedDemoPartner(manager, { partners: this.partners, admins: this.partnerAdmins, associations: this.associations }, {
        ...partnerAdmins,
        portfolio,
        helpdeskOrgs: portfolio.slice(0, 2).map(({ org }) => org),
      });
    });
  }

  /**
   * Enrolls TOTP through the MFA service, confirmed with the previous step's code so that the
   * person's first code, whenever they type it, is still unused.
   */
  private async enroll(principal: MfaPrincipal, accountName: string): Promise<string> {
    const { secret } = await this.mfa.startEnrollment(principal, accountName);
    const previousStep = new Date(this.clock.now().getTime() - 30_000);
    await this.dataSource.transaction((manager) => this.mfa.confirmEnrollment(manager, principal, totpCodeAt(secret, previousStep)));
    return secret;
  }
}
