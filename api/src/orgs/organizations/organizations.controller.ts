import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { ApiOrgIdParam, OrgMember } from '../../identity/access/access-rules.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { CurrentOrg, CurrentOrgCaller, type OrgCaller } from '../../identity/access/principal.js';
import { OrgActivityPageDto, OrgActivityQueryDto } from './org-activity.dto.js';
import { OrgOverviewDto, UpdateOrgSettingsDto } from './organizations.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('orgs')
@ApiNotFoundResponse({ description: 'No such org within reach (problem+json orgs.not_found)' })
@OrgMember()
@ApiOrgIdParam()
@Controller({ path: 'orgs/:orgId', version: '1' })
export class OrganizationsController {
  constructor(private readonly orgs: OrganizationsService) {}

  @Get()
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'getOrg', summary: 'The org: its OrgID, settings and figures' })
  @ApiOkResponse({ type: OrgOverviewDto })
  overview(@CurrentOrg() org: OrgScope): Promise<OrgOverviewDto> {
    return this.orgs.overview(org);
  }

  @Get('activity')
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'listOrgActivity', summary: 'What was done in the org and by whom, newest first' })
  @ApiOkResponse({ type: OrgActivityPageDto })
  activity(@CurrentOrg() org: OrgScope, @Query() query: OrgActivityQueryDto): Promise<OrgActivityPageDto> {
    return this.orgs.activity(org, query);
  }

  @Patch('settings')
  @ApiOperation({ operationId: 'updateOrgSettings', summary: 'Renames the org or changes its user cap and password expiry' })
  @ApiOkResponse({ type: OrgOverviewDto })
  updateSettings(@CurrentOrg() org: OrgScope, @Body() body: UpdateOrgSettingsDto, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<OrgOverviewDto> {
    return this.orgs.updateSettings(org, body, { principal, context });
  }
}
