import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { ApiOrgIdParam, OrgMember } from '../../identity/access/access-rules.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { CurrentOrg, CurrentOrgCaller, type OrgCaller } from '../../identity/access/principal.js';
import { AddOrgAdminDto, OrgAdminDto } from './org-admins.dto.js';
import { OrgAdminsService } from './org-admins.service.js';

@ApiTags('org admins')
@ApiNotFoundResponse({ description: 'No such org within reach (problem+json)' })
@OrgMember()
@ApiOrgIdParam()
@Controller({ path: 'orgs/:orgId/admins', version: '1' })
export class OrgAdminsController {
  constructor(private readonly admins: OrgAdminsService) {}

  @Get()
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'listOrgAdmins', summary: 'The org’s own administrators' })
  @ApiOkResponse({ type: [OrgAdminDto] })
  list(@CurrentOrg() org: OrgScope): Promise<OrgAdminDto[]> {
    return this.admins.list(org);
  }

  @Post()
  @ApiOperation({ operationId: 'addOrgAdmin', summary: 'Makes a person an administrator of the org; a new address is invited by email' })
  @ApiCreatedResponse({ type: OrgAdminDto })
  @ApiConflictResponse({ description: 'orgs.admin_exists' })
  add(@CurrentOrg() org: OrgScope, @Body() body: AddOrgAdminDto, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<OrgAdminDto> {
    return this.admins.add(org, body.email, { principal, context });
  }

  @Delete(':administratorId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeOrgAdmin', summary: 'Removes an administrator (never the last one)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'orgs.last_admin' })
  remove(@CurrentOrg() org: OrgScope, @Param('administratorId') administratorId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<void> {
    return this.admins.remove(org, administratorId, { principal, context });
  }
}
