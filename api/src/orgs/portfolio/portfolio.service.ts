import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { NotFoundError } from '../../common/domain-error.js';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import type { OrgActor } from '../org-actor.js';
import { OrgDirectoryService } from '../organizations/org-directory.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { DirectoryUsersService } from '../users/users.service.js';
import type { PortfolioOverviewDto } from './portfolio-overview.dto.js';
import { PortfolioOverviewRepository } from './portfolio-overview.repository.js';
import type { PartnerOrgDto, PartnerOrgPageDto, PortfolioOrgFilterDto, PortfolioOrgQueryDto } from './portfolio-orgs.dto.js';
import { PortfolioOrgsRepository, type PortfolioOrgRow } from './portfolio-orgs.repository.js';
import type { PortfolioScope } from './portfolio-scope.js';
import type { PortfolioSystemPageDto, PortfolioSystemQueryDto } from './portfolio-systems.dto.js';
import { PortfolioSystemsRepository } from './portfolio-systems.repository.js';
import type { BulkUserAction, BulkUserResultDto, PortfolioUserPageDto, PortfolioUserQueryDto } from './portfolio-users.dto.js';
import { PortfolioUsersRepository } from './portfolio-users.repository.js';
import type { OrgActivityEventDto } from '../organizations/org-activity.dto.js';

export interface PortfolioOrgDetails {
  org: PortfolioOrgRow;
  admins: { email: string; name: string }[];
  recentActivity: OrgActivityEventDto[];
}

/**
 * The orgs module's answer to "what does this partner see across its orgs": the dashboard's figures,
 * tables and cross-org actions. The partners module decides the scope; nothing here reaches past it.
 */
@Injectable()
export class PortfolioService {
  private readonly logger = new Logger(PortfolioService.name);

  constructor(
    private readonly overviews: PortfolioOverviewRepository,
    private readonly orgs: PortfolioOrgsRepository,
    private readonly users: PortfolioUsersRepository,
    private readonly systems: PortfolioSystemsRepository,
    private readonly directoryUsers: DirectoryUsersService,
    private readonly organizations: OrganizationsService,
    private readonly directory: OrgDirectoryService,
    private readonly clock: Clock,
  ) {}

  overview(scope: PortfolioScope): Promise<PortfolioOverviewDto> {
    return this.overviews.overview(scope, this.clock.now());
  }

  async orgPage(scope: PortfolioScope, query: PortfolioOrgQueryDto): Promise<PartnerOrgPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [page, total] = await Promise.all([this.orgs.page(scope, query, limit, query.cursor), this.orgs.count(scope, query)]);
    return { items: page.items.map(({ id: _internal, ...org }) => org), total, limit, nextCursor: page.nextCursor };
  }

  /** One org's row of the table. */
  async org(scope: PortfolioScope, publicOrgId: string): Promise<PartnerOrgDto> {
    const { id: _internal, ...org } = await this.requireOrg(scope, publicOrgId);
    return org;
  }

  exportOrgs(scope: PortfolioScope, query: PortfolioOrgFilterDto): AsyncGenerator<PortfolioOrgRow> {
    return this.orgs.all(scope, query);
  }

  async orgDetails(scope: PortfolioScope, publicOrgId: string): Promise<PortfolioOrgDetails> {
    const org = await this.requireOrg(scope, publicOrgId);
    const orgScope = { orgId: org.id, publicId: org.orgId, name: org.name };
    const [admins, activity] = await Promise.all([this.directory.admins(org.id), this.organizations.activity(orgScope, { limit: 10 })]);
    return { org, admins: admins.map(({ email, name }) => ({ email, name })), recentActivity: activity.items };
  }

  async userPage(scope: PortfolioScope, query: PortfolioUserQueryDto): Promise<PortfolioUserPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const orgId = query.orgId ? (await this.requireOrg(scope, query.orgId)).id : undefined;
    const page = await this.users.page(scope, { ...query, orgId, limit }, this.clock.now());
    return { ...page, limit };
  }

  async systemPage(scope: PortfolioScope, query: PortfolioSystemQueryDto): Promise<PortfolioSystemPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const orgId = query.orgId ? (await this.requireOrg(scope, query.orgId)).id : undefined;
    const page = await this.systems.page(scope, { ...query, orgId, limit });
    return { ...page, limit };
  }

  /**
   * Unlocks or suspends users across orgs, each in its own transaction and audit event in its org, so
   * one failure leaves the others done. Ids out of scope answer `not_found`, like ids that never existed.
   */
  async bulkUsers(scope: PortfolioScope, action: BulkUserAction, userIds: string[], actor: OrgActor): Promise<BulkUserResultDto[]> {
    const found = new Map((await this.users.findInScope(scope, [...new Set(userIds)])).map((user) => [user.id, user]));
    const results: BulkUserResultDto[] = [];
    for (const userId of userIds) {
      const user = found.get(userId);
      if (!user) {
        results.push({ userId, org: null, outcome: 'not_found' });
        continue;
      }
      const org = { orgId: user.publicOrgId, name: user.orgName };
      try {
        const outcome = await this.directoryUsers.applyIfNeeded({ orgId: user.orgId, publicId: user.publicOrgId, name: user.orgName }, userId, action, actor);
        results.push({ userId, org, outcome, username: user.username });
      } catch (error) {
        // Deleted in the meantime: the same answer as an unknown id. Anything else is reported, not hidden.
        if (error instanceof NotFoundError) results.push({ userId, org: null, outcome: 'not_found' });
        else {
          this.logger.error({ err: error, userId, action }, 'A cross-org user action failed');
          results.push({ userId, org, outcome: 'failed', username: user.username });
        }
      }
    }
    return results;
  }

  private async requireOrg(scope: PortfolioScope, publicOrgId: string): Promise<PortfolioOrgRow> {
    const org = await this.orgs.findByPublicId(scope, publicOrgId);
    if (!org) throw new NotFoundError('orgs.not_found', 'There is no organization with this OrgID that you manage');
    return org;
  }
}
