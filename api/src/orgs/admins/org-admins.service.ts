import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError, NotFoundError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.provider.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { PasswordResetService } from '../../identity/auth/password-reset.service.js';
import { MailService } from '../../mail/mail.service.js';
import { orgAdminInvitationEmail } from '../../mail/templates/org-admin-invitation.js';
import { orgAudit, type OrgActor } from '../org-actor.js';
import { OrgAdmin } from './org-admin.entity.js';
import type { OrgAdminDto } from './org-admins.dto.js';

const INVITATION_VALID_MINUTES = 7 * 24 * 60;

/** An org's own administrators: listed, added by email (an unknown address is invited), removed. */
@Injectable()
export class OrgAdminsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly passwordLinks: PasswordResetService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(scope: OrgScope): Promise<OrgAdminDto[]> {
    const rows = await this.dataSource.manager.find(OrgAdmin, { where: { orgId: scope.orgId }, order: { addedAt: 'ASC' } });
    const people = await this.administrators.describe(rows.map((row) => row.administratorId));
    return rows.map((row) => {
      const person = people.get(row.administratorId);
      return { administratorId: row.administratorId, email: person?.email ?? '', name: person?.name ?? '', active: person ? !person.invited : false, addedAt: row.addedAt };
    });
  }

  async add(scope: OrgScope, email: string, actor: OrgActor): Promise<OrgAdminDto> {
    const administratorId = await this.dataSource.transaction((manager) => this.addInTransaction(manager, scope, email, actor));
    return (await this.list(scope)).find((admin) => admin.administratorId === administratorId)!;
  }

  /**
   * Makes `email` an admin of the org in the caller's transaction: an existing administrator is
   * mapped, a new address is invited to choose a password. Emailed and audited either way.
   */
  async addInTransaction(manager: EntityManager, scope: OrgScope, email: string, actor: OrgActor): Promise<string> {
    let administrator = await this.administrators.findByEmail(email, manager);
    const invited = !administrator;
    administrator ??= await this.administrators.create({ email, name: email.split('@')[0]! }, manager);
    const already = await manager.findOneBy(OrgAdmin, { orgId: scope.orgId, administratorId: administrator.id });
    if (already) throw new DomainError('orgs.admin_exists', 409, `${email} is already an administrator of this organization`);
    await manager.insert(OrgAdmin, { orgId: scope.orgId, administratorId: administrator.id, addedBy: actor.principal.administratorId });
    const setPasswordUrl = invited ? await this.passwordLinks.issueSetPasswordLink(manager, administrator.id, INVITATION_VALID_MINUTES) : undefined;
    await this.mail.enqueue(manager, {
      to: administrator.email,
      template: orgAdminInvitationEmail({ orgName: scope.name, setPasswordUrl, expiresInMinutes: INVITATION_VALID_MINUTES, signInUrl: `${this.config.publicUrl}/sign-in` }),
    });
    await this.audit.record(manager, orgAudit(scope, actor, 'orgs.admin.added', { type: 'administrator', id: administrator.id }, { invited }));
    return administrator.id;
  }

  /** Removes an admin; an org always keeps at least one. */
  async remove(scope: OrgScope, administratorId: string, actor: OrgActor): Promise<void> {
    if (!isUUID(administratorId)) throw new NotFoundError('orgs.admin_not_found', 'This person is not an administrator of this organization');
    await this.dataSource.transaction(async (manager) => {
      // Locks every admin row of the org: two removals at once cannot leave it without any.
      const admins = await manager.find(OrgAdmin, { where: { orgId: scope.orgId }, lock: { mode: 'pessimistic_write' } });
      if (!admins.some((admin) => admin.administratorId === administratorId)) {
        throw new NotFoundError('orgs.admin_not_found', 'This person is not an administrator of this organization');
      }
      if (admins.length === 1) throw new DomainError('orgs.last_admin', 409, 'An organization keeps at least one administrator; add another before removing this one');
      await manager.delete(OrgAdmin, { orgId: scope.orgId, administratorId });
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.admin.removed', { type: 'administrator', id: administratorId }));
    });
  }
}
