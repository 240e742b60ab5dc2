import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { AssociationsService, type PortfolioOrg } from '../associations/associations.service.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { CreatePartnerOrgDto, PartnerOrgDto, PartnerOrgPageDto, PartnerOrgQueryDto } from './partner-orgs.dto.js';
import { PartnerOrgsService } from './partner-orgs.service.js';

@ApiTags('partner orgs')
@Controller({ path: 'partner/orgs', version: '1' })
export class PartnerOrgsController {
  constructor(
    private readonly associations: AssociationsService,
    private readonly partnerOrgs: PartnerOrgsService,
  ) {}

  @Get()
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listPartnerOrgs', summary: 'The orgs in your reach, by name, with their figures' })
  @ApiOkResponse({ type: PartnerOrgPageDto })
  async list(@CurrentPartner() scope: PartnerScope, @Query() query: PartnerOrgQueryDto): Promise<PartnerOrgPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const page = await this.associations.listInScope(scope, { search: query.search, limit, offset });
    return {
      total: page.total,
      limit,
      offset,
      items: page.items.map(partnerOrgOf),
    };
  }

  @Post()
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'createPartnerOrg', summary: 'A brand-new customer org with its first admin, in your portfolio at once' })
  @ApiCreatedResponse({ type: PartnerOrgDto })
  @ApiConflictResponse({ description: 'orgs.admin_exists' })
  async create(@CurrentPartner() scope: PartnerScope, @Body() body: CreatePartnerOrgDto, @ClientContext() context: RequestContext): Promise<PartnerOrgDto> {
    return partnerOrgOf(await this.partnerOrgs.create(scope, body, context));
  }
}

function partnerOrgOf(org: PortfolioOrg): PartnerOrgDto {
  return {
    orgId: org.publicId,
    name: org.name,
    status: org.status,
    associatedSince: org.since,
    associationSource: org.source,
    usersTotal: org.usersTotal,
    usersActive: org.usersActive,
    usersLockedOut: org.usersLockedOut,
    systemsTotal: org.systemsTotal,
    admins: org.admins,
    mfaCoveragePercent: org.mfaCoveragePercent,
  };
}
