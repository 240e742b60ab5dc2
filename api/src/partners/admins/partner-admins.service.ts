import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/domain-error.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { AuthSessionsService } from '../../identity/sessions/auth-sessions.service.js';
import { isUniqueViolation } from '../../orgs/org-actor.js';
import { OrgDirectoryService, type OrgRef } from '../../orgs/organizations/org-directory.service.js';
import { AssociationsService } from '../associations/associations.service.js';
import { partnerAudit, type PartnerActor } from '../partner-actor.js';
import type { OrgAccessKind, PartnerRole } from '../partner-roles.js';
import { PartnerAdminOrg } from './partner-admin-org.entity.js';
import { PartnerAdmin } from './partner-admin.entity.js';
import type { PartnerAdminDto, UpdatePartnerAdminDto } from './partner-admins.dto.js';

/** A role and org access as asked for, with OrgIDs as people type them. */
export interface RequestedAccess {
  role: PartnerRole;
  orgAccess: OrgAccessKind;
  orgIds?: string[];
}

/** The same, checked: owners reach all orgs, and a listed org must be in the partner's portfolio. */
export interface GrantedAccess {
  role: PartnerRole;
  orgAccess: OrgAccessKind;
  orgs: OrgRef[];
}

const notFound = () => new NotFoundError('partners.admin_not_found', 'This person is not an admin of your partner');

/** A partner's admins: their roles, their org access and status; a partner always keeps an active owner. */
@Injectable()
export class PartnerAdminsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
    private readonly associations: AssociationsService,
    private readonly orgs: OrgDirectoryService,
    private readonly sessions: AuthSessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(scope: PartnerScope): Promise<PartnerAdminDto[]> {
    const [members, listed, portfolio] = await Promise.all([
      this.dataSource.manager.find(PartnerAdmin, { where: { partnerId: scope.partnerId }, order: { addedAt: 'ASC' } }),
      this.dataSource.manager.find(PartnerAdminOrg, { where: { partnerId: scope.partnerId } }),
      this.associations.activeOrgIds(scope.partnerId),
    ]);
    const inPortfolio = new Set(portfolio);
    const [people, orgNames] = await Promise.all([
      this.administrators.describe(members.map((member) => member.administratorId)),
      this.orgs.describe(listed.filter((row) => inPortfolio.has(row.orgId)).map((row) => row.orgId)),
    ]);
    return members.map((member) => {
      const person = people.get(member.administratorId);
      const orgs = listed
        .filter((row) => row.administratorId === member.administratorId && orgNames.has(row.orgId))
        .map((row) => orgNames.get(row.orgId)!)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((org) => ({ orgId: org.publicId, name: org.name }));
      return {
        administratorId: member.administratorId,
        email: person?.email ?? '',
        name: person?.name ?? '',
        role: member.role,
        orgAccess: member.orgAccess,
        orgs: member.orgAccess === 'selected' ? orgs : [],
        status: member.status,
        lastLoginAt: person?.lastLoginAt ?? null,
        addedAt: member.addedAt,
        you: member.administratorId === scope.administratorId,
      };
    });
  }

  /** The partner's active owners, as people to write to. */
  async activeOwners(partnerId: string): Promise<{ administratorId: string; email: string }[]> {
    const rows = await this.dataSource.manager.find(PartnerAdmin, { where: { partnerId, role: 'owner', status: 'active' } });
    const people = await this.administrators.describe(rows.map((row) => row.administratorId));
    return rows.flatMap((row) => {
      const person = people.get(row.administratorId);
      return person ? [{ administratorId: row.administratorId, email: person.email }] : [];
    });
  }

  async get(scope: PartnerScope, administratorId: string): Promise<PartnerAdminDto> {
    const found = (await this.list(scope)).find((admin) => admin.administratorId === administratorId);
    if (!found) throw notFound();
    return found;
  }

  /** Checks a requested role and access against the partner's portfolio. */
  async grant(partnerId: string, requested: RequestedAccess, manager = this.dataSource.manager): Promise<GrantedAccess> {
    if (requested.role === 'owner' || requested.orgAccess === 'all') return { role: requested.role, orgAccess: 'all', orgs: [] };
    if (!requested.orgIds?.length) {
      throw new ValidationFailedError([{ field: 'orgIds', messages: ['Choose at least one organization, or give access to all of them'] }]);
    }
    return { role: requested.role, orgAccess: 'selected', orgs: await this.associations.resolvePortfolioOrgs(partnerId, requested.orgIds, manager) };
  }

  /** Makes an administrator an admin of the partner (an invitation being accepted, or the seed). */
  async addMember(manager: EntityManager, partnerId: string, administratorId: string, access: GrantedAccess, addedBy: string | null): Promise<void> {
    const existing = await manager.findOneBy(PartnerAdmin, { administratorId });
    if (existing) throw existing.partnerId === partnerId ? alreadyMember() : otherPartner();
    try {
      await manager.insert(PartnerAdmin, { partnerId, administratorId, role: access.role, orgAccess: access.orgAccess, addedBy });
    } catch (error) {
      if (isUniqueViolation(error)) throw otherPartner();
      throw error;
    }
    await this.replaceListedOrgs(manager, partnerId, administratorId, access);
  }

  /**
   * An org that joins the portfolio through an admin limited to listed orgs is added to their list,
   * so that they reach what they just added; an admin reaching all orgs needs nothing.
   */
  async grantOrgToLimitedAdmin(manager: EntityManager, partnerId: string, administratorId: string, orgId: string): Promise<void> {
    const member = await manager.findOneBy(PartnerAdmin, { partnerId, administratorId });
    if (member?.orgAccess === 'selected') await manager.upsert(PartnerAdminOrg, { partnerId, administratorId, orgId }, ['partnerId', 'administratorId', 'orgId']);
  }

  /** Refuses an invitation for someone who already belongs to a partner. */
  async assertInvitable(partnerId: string, email: string, manager = this.dataSource.manager): Promise<void> {
    const administrator = await this.administrators.findByEmail(email, manager);
    const existing = administrator ? await manager.findOneBy(PartnerAdmin, { administratorId: administrator.id }) : null;
    if (existing) throw existing.partnerId === partnerId ? alreadyMember() : otherPartner();
  }

  async update(scope: PartnerScope, administratorId: string, change: UpdatePartnerAdminDto, actor: PartnerActor): Promise<PartnerAdminDto> {
    if (!isUUID(administratorId)) throw notFound();
    await this.dataSource.transaction(async (manager) => {
      const members = await this.lockMembers(manager, scope.partnerId);
      const member = members.find((row) => row.administratorId === administratorId);
      if (!member) throw notFound();
      const role = change.role ?? member.role;
      const accessChanged = change.orgAccess !== undefined || change.orgIds !== undefined || role === 'owner';
      const status = change.status ?? member.status;
      assertKeepsOwner(members, administratorId, { role, status });
      if (accessChanged) {
        const orgAccess = change.orgAccess ?? member.orgAccess;
        const orgIds = change.orgIds ?? (orgAccess === 'selected' ? await this.listedPublicIds(manager, scope.partnerId, administratorId) : []);
        const granted = await this.grant(scope.partnerId, { role, orgAccess, orgIds }, manager);
        await manager.update(PartnerAdmin, { partnerId: scope.partnerId, administratorId }, { orgAccess: granted.orgAccess });
        await this.replaceListedOrgs(manager, scope.partnerId, administratorId, granted);
      }
      await manager.update(PartnerAdmin, { partnerId: scope.partnerId, administratorId }, { role, status });
      // A suspended admin's sessions end now, not when their access token would have expired.
      const sessionsEnded = status === 'suspended' && member.status !== 'suspended' ? await this.sessions.revokeAllOf(manager, administratorId, 'partner_admin_suspended') : 0;
      await this.audit.record(
        manager,
        partnerAudit(scope.partnerId, actor, 'partners.admin.updated', { type: 'administrator', id: administratorId }, { ...change, orgIds: change.orgIds?.length, sessionsEnded }),
      );
    });
    return this.get(scope, administratorId);
  }

  async remove(scope: PartnerScope, administratorId: string, actor: PartnerActor): Promise<void> {
    if (!isUUID(administratorId)) throw notFound();
    await this.dataSource.transaction(async (manager) => {
      const members = await this.lockMembers(manager, scope.partnerId);
      if (!members.some((row) => row.administratorId === administratorId)) throw notFound();
      assertKeepsOwner(members, administratorId, null);
      await manager.delete(PartnerAdmin, { partnerId: scope.partnerId, administratorId });
      await this.audit.record(manager, partnerAudit(scope.partnerId, actor, 'partners.admin.removed', { type: 'administrator', id: administratorId }));
    });
  }

  /** Locks every admin of the partner: two changes at once cannot leave it without an active owner. */
  private lockMembers(manager: EntityManager, partnerId: string): Promise<PartnerAdmin[]> {
    return manager.find(PartnerAdmin, { where: { partnerId }, lock: { mode: 'pessimistic_write' } });
  }

  private async listedPublicIds(manager: EntityManager, partnerId: string, administratorId: string): Promise<string[]> {
    const rows = await manager.find(PartnerAdminOrg, { where: { partnerId, administratorId } });
    return [...(await this.orgs.describe(rows.map((row) => row.orgId))).values()].map((org) => org.publicId);
  }

  private async replaceListedOrgs(manager: EntityManager, partnerId: string, administratorId: string, access: GrantedAccess): Promise<void> {
    await manager.delete(PartnerAdminOrg, { partnerId, administratorId });
    if (access.orgAccess === 'selected' && access.orgs.length > 0) {
      await manager.insert(PartnerAdminOrg, access.orgs.map((org) => ({ partnerId, administratorId, orgId: org.id })));
    }
  }
}

/** `change` null means the admin leaves the partner. */
function assertKeepsOwner(members: PartnerAdmin[], administratorId: string, change: { role: PartnerRole; status: string } | null): void {
  const after = members.flatMap((row) => (row.administratorId !== administratorId ? [row] : change ? [{ ...row, ...change }] : []));
  if (!after.some((row) => row.role === 'owner' && row.status === 'active')) {
    throw new DomainError('partners.last_owner', 409, 'A partner keeps at least one active owner; make someone else an owner first');
  }
}

function alreadyMember(): DomainError {
  return new DomainError('partners.admin_exists', 409, 'This person is already an admin of your partner');
}

function otherPartner(): DomainError {
  return new DomainError('partners.other_partner', 409, 'This person is already an admin of another partner; an account belongs to one partner');
}
