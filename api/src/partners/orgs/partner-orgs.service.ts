import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../common/domain-error.js';
import type { RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { OrgDirectoryService } from '../../orgs/organizations/org-directory.service.js';
import { OrganizationsService } from '../../orgs/organizations/organizations.service.js';
import { PartnerAdminsService } from '../admins/partner-admins.service.js';
import type { PartnerOrgDto } from '../../orgs/portfolio/portfolio-orgs.dto.js';
import { PortfolioService } from '../../orgs/portfolio/portfolio.service.js';
import { AssociationsService } from '../associations/associations.service.js';
import type { PartnerOrgDetailsDto } from '../dashboard/partner-org-details.dto.js';
import { adminActor, orgActorOf } from '../partner-actor.js';
import type { CreatePartnerOrgDto } from './partner-orgs.dto.js';

/** A partner's new customer: a brand-new org with its first admin, in the portfolio at once. */
@Injectable()
export class PartnerOrgsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly orgs: OrgDirectoryService,
    private readonly associations: AssociationsService,
    private readonly admins: PartnerAdminsService,
    private readonly portfolio: PortfolioService,
  ) {}

  async create(scope: PartnerScope, input: CreatePartnerOrgDto, context: RequestContext): Promise<PartnerOrgDto> {
    const settings = await this.settingsFor(scope, input);
    const created = await this.dataSource.transaction(async (manager) => {
      const org = await this.organizations.createWithFirstAdmin(manager, { name: input.name, adminEmail: input.adminEmail, ...settings }, orgActorOf(scope, context));
      await this.associations.attach(manager, { partnerId: scope.partnerId, org: { id: org.orgId, publicId: org.publicId, name: org.name }, source: 'created', actor: adminActor(scope, context) });
      await this.admins.grantOrgToLimitedAdmin(manager, scope.partnerId, scope.administratorId, org.orgId);
      return org;
    });
    return this.portfolio.org({ partnerId: scope.partnerId, orgIds: [created.orgId] }, created.publicId);
  }

  /** The details panel: the org's figures and admins, how it came to the partner, its recent activity. */
  async details(scope: PartnerScope, publicOrgId: string): Promise<PartnerOrgDetailsDto> {
    const details = await this.portfolio.orgDetails(await this.associations.portfolioScope(scope), publicOrgId.trim().toLowerCase());
    const association = await this.associations.activeAssociation(scope.partnerId, details.org.id);
    if (!association) throw new NotFoundError('orgs.not_found', 'There is no organization with this OrgID that you manage');
    const { id: _internal, ...org } = details.org;
    return {
      org,
      admins: details.admins,
      association: { since: association.since, source: association.source, by: association.createdByLabel },
      recentActivity: details.recentActivity,
    };
  }

  /** Explicit values win over those copied from an org, which must be one this admin reaches. */
  private async settingsFor(scope: PartnerScope, input: CreatePartnerOrgDto): Promise<{ userCap: number | null; passwordExpiryDays: number | null }> {
    let copied = { userCap: null as number | null, passwordExpiryDays: null as number | null };
    if (input.cloneSettingsFrom) {
      const [source] = await this.associations.resolvePortfolioOrgs(scope.partnerId, [input.cloneSettingsFrom]);
      if (!(await this.associations.orgIdsInScope(scope)).includes(source!.id)) throw new NotFoundError('partners.org_not_found', `Not an organization of your partner: ${input.cloneSettingsFrom}`);
      copied = await this.orgs.settingsOf(source!.id);
    }
    return {
      userCap: input.userCap !== undefined ? input.userCap : copied.userCap,
      passwordExpiryDays: input.passwordExpiryDays !== undefined ? input.passwordExpiryDays : copied.passwordExpiryDays,
    };
  }
}
