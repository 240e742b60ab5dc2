import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { PortfolioSystemPageDto, PortfolioSystemQueryDto } from '../../orgs/portfolio/portfolio-systems.dto.js';
import { BulkUsersDto, BulkUsersResultDto, PortfolioUserPageDto, PortfolioUserQueryDto, type BulkUserAction } from '../../orgs/portfolio/portfolio-users.dto.js';
import { PortfolioService } from '../../orgs/portfolio/portfolio.service.js';
import { AssociationsService } from '../associations/associations.service.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { orgActorOf } from '../partner-actor.js';

@ApiTags('partner dashboard')
@Controller({ path: 'partner', version: '1' })
export class PartnerDirectoryController {
  constructor(
    private readonly associations: AssociationsService,
    private readonly portfolio: PortfolioService,
  ) {}

  @Get('users')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listPartnerUsers', summary: 'Directory users across the orgs in your reach' })
  @ApiOkResponse({ type: PortfolioUserPageDto })
  async users(@CurrentPartner() scope: PartnerScope, @Query() query: PortfolioUserQueryDto): Promise<PortfolioUserPageDto> {
    return this.portfolio.userPage(await this.associations.portfolioScope(scope), query);
  }

  @Post('users/unlock')
  @HttpCode(200)
  @PartnerAdmin('users.manage')
  @ApiOperation({ operationId: 'unlockPartnerUsers', summary: 'Unlock users across orgs; one result per user' })
  @ApiOkResponse({ type: BulkUsersResultDto })
  unlock(@CurrentPartner() scope: PartnerScope, @Body() body: BulkUsersDto, @ClientContext() context: RequestContext): Promise<BulkUsersResultDto> {
    return this.bulk(scope, 'unlock', body, context);
  }

  @Post('users/suspend')
  @HttpCode(200)
  @PartnerAdmin('users.manage')
  @ApiOperation({ operationId: 'suspendPartnerUsers', summary: 'Suspend users across orgs; one result per user' })
  @ApiOkResponse({ type: BulkUsersResultDto })
  suspend(@CurrentPartner() scope: PartnerScope, @Body() body: BulkUsersDto, @ClientContext() context: RequestContext): Promise<BulkUsersResultDto> {
    return this.bulk(scope, 'suspend', body, context);
  }

  @Get('systems')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listPartnerSystems', summary: 'Systems across the orgs in your reach' })
  @ApiOkResponse({ type: PortfolioSystemPageDto })
  async systems(@CurrentPartner() scope: PartnerScope, @Query() query: PortfolioSystemQueryDto): Promise<PortfolioSystemPageDto> {
    return this.portfolio.systemPage(await this.associations.portfolioScope(scope), query);
  }

  private async bulk(scope: PartnerScope, action: BulkUserAction, body: BulkUsersDto, context: RequestContext): Promise<BulkUsersResultDto> {
    return { action, results: await this.portfolio.bulkUsers(await this.associations.portfolioScope(scope), action, body.userIds, orgActorOf(scope, context)) };
  }
}
