import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { PartnerOrgDto, PartnerOrgPageDto, PortfolioOrgFilterDto, PortfolioOrgQueryDto } from '../../orgs/portfolio/portfolio-orgs.dto.js';
import { PortfolioService } from '../../orgs/portfolio/portfolio.service.js';
import { AssociationsService } from '../associations/associations.service.js';
import { orgsAsCsv } from '../dashboard/org-csv.js';
import { PartnerOrgDetailsDto } from '../dashboard/partner-org-details.dto.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { CreatePartnerOrgDto } from './partner-orgs.dto.js';
import { PartnerOrgsService } from './partner-orgs.service.js';

@ApiTags('partner orgs')
@Controller({ path: 'partner/orgs', version: '1' })
export class PartnerOrgsController {
  constructor(
    private readonly associations: AssociationsService,
    private readonly portfolio: PortfolioService,
    private readonly partnerOrgs: PartnerOrgsService,
  ) {}

  @Get()
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listPartnerOrgs', summary: 'The orgs in your reach with their figures: searched, filtered, sorted, keyset-paged' })
  @ApiOkResponse({ type: PartnerOrgPageDto })
  async list(@CurrentPartner() scope: PartnerScope, @Query() query: PortfolioOrgQueryDto): Promise<PartnerOrgPageDto> {
    return this.portfolio.orgPage(await this.associations.portfolioScope(scope), query);
  }

  @Get('export')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'exportPartnerOrgs', summary: 'The filtered org table as CSV, every row, streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A CSV file with a header row', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentPartner() scope: PartnerScope, @Query() query: PortfolioOrgFilterDto): Promise<StreamableFile> {
    const orgs = this.portfolio.exportOrgs(await this.associations.portfolioScope(scope), query);
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(orgsAsCsv(orgs), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="orgs-${day}.csv"` });
  }

  @Get(':orgId')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'getPartnerOrg', summary: 'One org: figures, admins, how it came to your partner, recent activity' })
  @ApiOkResponse({ type: PartnerOrgDetailsDto })
  @ApiNotFoundResponse({ description: 'orgs.not_found: no such org in your reach' })
  async details(@CurrentPartner() scope: PartnerScope, @Param('orgId') orgId: string): Promise<PartnerOrgDetailsDto> {
    return this.partnerOrgs.details(scope, orgId);
  }

  @Post()
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'createPartnerOrg', summary: 'A brand-new customer org with its first admin, in your portfolio at once' })
  @ApiCreatedResponse({ type: PartnerOrgDto })
  @ApiConflictResponse({ description: 'orgs.admin_exists' })
  create(@CurrentPartner() scope: PartnerScope, @Body() body: CreatePartnerOrgDto, @ClientContext() context: RequestContext): Promise<PartnerOrgDto> {
    return this.partnerOrgs.create(scope, body, context);
  }
}
