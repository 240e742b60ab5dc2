import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { AdministratorPrincipal } from '../identity/access/principal.js';
import { PartnerAccessDirectory, type PartnerAccessResolver, type PartnerScope } from '../identity/access/partner-access.js';
import { MembershipDirectory, type Memberships } from '../identity/auth/membership-directory.js';
import { Partner, type PartnerKind, type PartnerStatus } from './partner.entity.js';
import { partnerAudit, type PartnerActor } from './partner-actor.js';
import { roleAllows, type OrgAccessKind, type PartnerPermission, type PartnerRole } from './partner-roles.js';

export interface PartnerPolicyChange {
  launchReasonRequired?: boolean;
  launchSessionMinutes?: number;
}

interface MembershipRow {
  partner_id: string;
  partner_name: string;
  partner_status: PartnerStatus;
  role: PartnerRole;
  org_access: OrgAccessKind;
  admin_status: 'active' | 'suspended';
}

/** Partners themselves: who belongs to which (for the guard and `/me`), their policy and status. */
@Injectable()
export class PartnersService implements OnModuleInit, PartnerAccessResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partnerAccess: PartnerAccessDirectory,
    private readonly memberships: MembershipDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.partnerAccess.register(this);
    this.memberships.register({ membershipsOf: (administratorId) => this.partnerMembershipsOf(administratorId) });
  }

  /** Checked on every partner request, so a suspension or a role change counts from the next one. */
  async resolve(principal: AdministratorPrincipal, permission: string): Promise<PartnerScope> {
    const row = await this.membershipOf(principal.administratorId);
    if (!row || row.admin_status !== 'active') throw new DomainError('partners.not_member', 403, 'You are not an active admin of a partner');
    if (row.partner_status !== 'active') throw new DomainError('partners.suspended', 403, 'Your partner’s access to the portal is suspended; contact platform support');
    if (!roleAllows(row.role, permission as PartnerPermission)) {
      throw new DomainError('partners.forbidden', 403, `Your role (${row.role}) does not allow this; ask an owner of your partner`);
    }
    return {
      partnerId: row.partner_id,
      partnerName: row.partner_name,
      administratorId: principal.administratorId,
      sessionId: principal.sessionId,
      role: row.role,
      orgAccess: row.org_access,
    };
  }

  async get(partnerId: string, manager = this.dataSource.manager): Promise<Partner> {
    const partner = await manager.findOneBy(Partner, { id: partnerId });
    if (!partner) throw new NotFoundError('partners.not_found', 'There is no such partner');
    return partner;
  }

  async create(manager: EntityManager, input: { name: string; kind: PartnerKind }, actor: PartnerActor): Promise<Partner> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new DomainError('partners.name_invalid', 400, 'A partner’s name has 1 to 200 characters');
    const partner = await manager.save(manager.create(Partner, { name, kind: input.kind }));
    await this.audit.record(manager, partnerAudit(partner.id, actor, 'partners.created', { type: 'partner', id: partner.id }, { name, kind: input.kind }));
    return partner;
  }

  async updateSettings(partnerId: string, change: { name?: string; policy?: PartnerPolicyChange }, actor: PartnerActor): Promise<Partner> {
    return this.dataSource.transaction(async (manager) => {
      const fields: Partial<Partner> = { ...change.policy };
      if (change.name !== undefined) fields.name = change.name.trim();
      if (Object.keys(fields).length > 0) await manager.update(Partner, { id: partnerId }, fields);
      await this.audit.record(manager, partnerAudit(partnerId, actor, 'partners.settings.updated', { type: 'partner', id: partnerId }, { fields: Object.keys(fields) }));
      return this.get(partnerId, manager);
    });
  }

  /** Staff suspend or reactivate a partner: its admins can do nothing in the portal while suspended. */
  async setStatus(partnerId: string, status: PartnerStatus, reason: string | null, actor: PartnerActor): Promise<Partner> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await manager.findOne(Partner, { where: { id: partnerId }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw new NotFoundError('partners.not_found', 'There is no such partner');
      if (partner.status === status) return partner;
      await manager.update(Partner, { id: partnerId }, { status, statusChangedAt: this.clock.now(), statusReason: reason });
      const action = status === 'suspended' ? 'partners.suspended' : 'partners.reactivated';
      await this.audit.record(manager, partnerAudit(partnerId, actor, action, { type: 'partner', id: partnerId }, reason ? { reason } : undefined));
      return this.get(partnerId, manager);
    });
  }

  private async membershipOf(administratorId: string): Promise<MembershipRow | undefined> {
    const rows: MembershipRow[] = await this.dataSource.query(
      `SELECT p.id AS partner_id, p.name AS partner_name, p.status AS partner_status, a.role, a.org_access, a.status AS admin_status
       FROM partner_admins a JOIN partners p ON p.id = a.partner_id WHERE a.administrator_id = $1`,
      [administratorId],
    );
    return rows[0];
  }

  private async partnerMembershipsOf(administratorId: string): Promise<Partial<Memberships>> {
    const row = await this.membershipOf(administratorId);
    const usable = row && row.admin_status === 'active' && row.partner_status === 'active';
    return { partnerMemberships: usable ? [{ partnerId: row.partner_id, partnerName: row.partner_name, role: row.role }] : [] };
  }
}
