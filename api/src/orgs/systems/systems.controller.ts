import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { ApiOrgIdParam, OrgMember } from '../../identity/access/access-rules.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { CurrentOrg, CurrentOrgCaller, type OrgCaller } from '../../identity/access/principal.js';
import { ListSystemsQueryDto, SystemDto, SystemPageDto, UpdateSystemDto } from './systems.dto.js';
import { SystemsService } from './systems.service.js';

@ApiTags('org systems')
@ApiNotFoundResponse({ description: 'No such org or system within reach (problem+json)' })
@OrgMember()
@ApiOrgIdParam()
@Controller({ path: 'orgs/:orgId/systems', version: '1' })
export class SystemsController {
  constructor(private readonly systems: SystemsService) {}

  @Get()
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'listOrgSystems', summary: 'Systems of the org: paged, sorted and filtered by the server' })
  @ApiOkResponse({ type: SystemPageDto })
  list(@CurrentOrg() org: OrgScope, @Query() query: ListSystemsQueryDto): Promise<SystemPageDto> {
    return this.systems.list(org, query);
  }

  @Get(':systemId')
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'getOrgSystem' })
  @ApiOkResponse({ type: SystemDto })
  get(@CurrentOrg() org: OrgScope, @Param('systemId') systemId: string): Promise<SystemDto> {
    return this.systems.get(org, systemId);
  }

  @Patch(':systemId')
  @ApiOperation({ operationId: 'updateOrgSystem', summary: 'Renames a system or marks it active or inactive' })
  @ApiOkResponse({ type: SystemDto })
  update(@CurrentOrg() org: OrgScope, @Param('systemId') systemId: string, @Body() body: UpdateSystemDto, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<SystemDto> {
    return this.systems.update(org, systemId, body, { principal, context });
  }

  @Delete(':systemId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteOrgSystem' })
  @ApiNoContentResponse()
  remove(@CurrentOrg() org: OrgScope, @Param('systemId') systemId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<void> {
    return this.systems.remove(org, systemId, { principal, context });
  }
}
