import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError, NotFoundError } from '../../common/domain-error.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { isUniqueViolation } from '../../orgs/org-actor.js';
import { OrgDirectoryService, type OrgRef } from '../../orgs/organizations/org-directory.service.js';
import type { PortfolioScope } from '../../orgs/portfolio/portfolio-scope.js';
import { partnerAudit, type PartnerActor } from '../partner-actor.js';
import { PartnerAssociation, type AssociationSource } from './partner-association.entity.js';

/**
 * The partner's portfolio: which orgs it manages, since when and how. Verification and org creation
 * attach through here; support ends associations later. An org is actively associated with at most
 * one partner at a time (a unique index holds that even under concurrency).
 */
@Injectable()
export class AssociationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectoryService,
    private readonly audit: AuditService,
  ) {}

  async attach(manager: EntityManager, input: { partnerId: string; org: OrgRef; source: AssociationSource; actor: PartnerActor }): Promise<PartnerAssociation> {
    const existing = await manager.findOneBy(PartnerAssociation, { orgId: input.org.id, status: 'active' });
    if (existing) throw alreadyAssociated(existing.partnerId === input.partnerId);
    try {
      const association = await manager.save(
        manager.create(PartnerAssociation, {
          partnerId: input.partnerId,
          orgId: input.org.id,
          source: input.source,
          createdByType: input.actor.type,
          createdById: input.actor.id,
          createdByLabel: input.actor.label,
        }),
      );
      await this.audit.record(
        manager,
        partnerAudit(input.partnerId, input.actor, 'partners.org.attached', { type: 'organization', id: input.org.publicId }, { source: input.source }, input.org.id),
      );
      return association;
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyAssociated(false);
      throw error;
    }
  }

  /**
   * Ends the org's active association, in the caller's transaction: history stays (the row becomes
   * `detached`, with who, when and why). The partner's copy on the org's figures, users and systems,
   * and its launch sessions into the org, follow by trigger in the same transaction. Null when the org
   * is not (or no longer) managed by that partner: detaching again changes nothing.
   */
  async detach(manager: EntityManager, input: { orgId: string; partnerId: string; reason: string; actor: PartnerActor; at: Date }): Promise<PartnerAssociation | null> {
    const association = await manager.findOne(PartnerAssociation, {
      where: { orgId: input.orgId, partnerId: input.partnerId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!association) return null;
    await manager.update(PartnerAssociation, { id: association.id }, {
      status: 'detached',
      detachedAt: input.at,
      detachedByType: input.actor.type,
      detachedById: input.actor.id,
      detachedByLabel: input.actor.label,
      detachedReason: input.reason,
    });
    const org = (await this.orgs.describe([input.orgId])).get(input.orgId);
    await this.audit.record(
      manager,
      partnerAudit(input.partnerId, input.actor, 'partners.org.detached', { type: 'organization', id: org?.publicId ?? input.orgId }, { reason: input.reason }, input.orgId),
    );
    return manager.findOneByOrFail(PartnerAssociation, { id: association.id });
  }

  /** Staff attach an org to a partner by its OrgID (the back-office's "attach organization"). */
  async attachByStaff(partnerId: string, publicOrgId: string, actor: PartnerActor): Promise<PartnerAssociation> {
    const [org] = await this.orgs.findByPublicIds([publicOrgId.trim().toLowerCase()]);
    if (!org) throw new NotFoundError('orgs.not_found', 'There is no organization with this OrgID');
    return this.dataSource.transaction((manager) => this.attach(manager, { partnerId, org, source: 'staff', actor }));
  }

  /** The partner that actively manages this org, if any. */
  async activePartnerOf(orgId: string): Promise<string | null> {
    return (await this.dataSource.manager.findOneBy(PartnerAssociation, { orgId, status: 'active' }))?.partnerId ?? null;
  }

  /** Every org the partner actively manages. */
  async activeOrgIds(partnerId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(PartnerAssociation, { select: { orgId: true }, where: { partnerId, status: 'active' } });
    return rows.map((row) => row.orgId);
  }

  /** The orgs this admin reaches: the partner's portfolio, or the part of it listed for them. */
  async orgIdsInScope(scope: PartnerScope): Promise<string[]> {
    if (scope.orgAccess === 'all') return this.activeOrgIds(scope.partnerId);
    const rows: { org_id: string }[] = await this.dataSource.query(
      `SELECT l.org_id FROM partner_admin_orgs l
       JOIN partner_associations a ON a.partner_id = l.partner_id AND a.org_id = l.org_id AND a.status = 'active'
       WHERE l.partner_id = $1 AND l.administrator_id = $2`,
      [scope.partnerId, scope.administratorId],
    );
    return rows.map((row) => row.org_id);
  }

  /** The orgs a dashboard read of this admin covers, as the orgs module takes them. */
  async portfolioScope(scope: PartnerScope): Promise<PortfolioScope> {
    return { partnerId: scope.partnerId, orgIds: scope.orgAccess === 'all' ? null : await this.orgIdsInScope(scope) };
  }

  /** How the partner came to manage this org (null if it does not). */
  activeAssociation(partnerId: string, orgId: string): Promise<PartnerAssociation | null> {
    return this.dataSource.manager.findOneBy(PartnerAssociation, { partnerId, orgId, status: 'active' });
  }

  /** Public OrgIDs to orgs of this partner's portfolio; any other (unknown, or someone else's) is refused alike. */
  async resolvePortfolioOrgs(partnerId: string, publicOrgIds: string[], manager = this.dataSource.manager): Promise<OrgRef[]> {
    const wanted = [...new Set(publicOrgIds)];
    const found = await this.orgs.findByPublicIds(wanted);
    const active = found.length
      ? await manager.find(PartnerAssociation, { select: { orgId: true }, where: { partnerId, status: 'active', orgId: In(found.map((org) => org.id)) } })
      : [];
    const inPortfolio = new Set(active.map((row) => row.orgId));
    const missing = wanted.filter((publicId) => !found.some((org) => org.publicId === publicId && inPortfolio.has(org.id)));
    if (missing.length > 0) throw new NotFoundError('partners.org_not_found', `Not an organization of your partner: ${missing.join(', ')}`);
    return found;
  }

}

function alreadyAssociated(samePartner: boolean): DomainError {
  return samePartner
    ? new DomainError('partners.org_already_yours', 409, 'This organization is already managed by this partner')
    : new DomainError('partners.org_associated', 409, 'This organization is already managed by another partner');
}
