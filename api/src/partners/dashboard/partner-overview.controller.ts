import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { PortfolioOverviewDto } from '../../orgs/portfolio/portfolio-overview.dto.js';
import { PortfolioService } from '../../orgs/portfolio/portfolio.service.js';
import { AssociationsService } from '../associations/associations.service.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';

@ApiTags('partner dashboard')
@Controller({ path: 'partner/overview', version: '1' })
export class PartnerOverviewController {
  constructor(
    private readonly associations: AssociationsService,
    private readonly portfolio: PortfolioService,
  ) {}

  @Get()
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'getPartnerOverview', summary: 'Totals and charts across the orgs in your reach' })
  @ApiOkResponse({ type: PortfolioOverviewDto })
  async overview(@CurrentPartner() scope: PartnerScope): Promise<PortfolioOverviewDto> {
    return this.portfolio.overview(await this.associations.portfolioScope(scope));
  }
}
