import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOrgIdParam, OrgMember } from '../identity/access/access-rules.js';
import type { OrgScope } from '../identity/access/org-access.js';
import { CurrentOrg } from '../identity/access/principal.js';
import { LaunchSessionsService } from './launch-sessions.service.js';
import { LaunchSessionPageDto, SessionHistoryQueryDto } from './sessions.dto.js';

@ApiTags('org partner access')
@Controller({ path: 'orgs/:orgId/partner-access', version: '1' })
export class OrgPartnerAccessController {
  constructor(private readonly sessions: LaunchSessionsService) {}

  @Get()
  @OrgMember('org.oversight')
  @ApiOrgIdParam()
  @ApiOperation({ operationId: 'listOrgPartnerAccess', summary: 'Which partner admins have had management sessions in your org, now and before, with reason and ticket' })
  @ApiOkResponse({ type: LaunchSessionPageDto })
  @ApiForbiddenResponse({ description: 'sessions.forbidden: for the org’s own admins, not for a launched session' })
  list(@CurrentOrg() org: OrgScope, @Query() query: SessionHistoryQueryDto): Promise<LaunchSessionPageDto> {
    return this.sessions.orgHistory(org, query);
  }
}
