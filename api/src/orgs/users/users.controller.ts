import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { ApiOrgIdParam, OrgMember } from '../../identity/access/access-rules.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { CurrentOrg, CurrentOrgCaller, type OrgCaller } from '../../identity/access/principal.js';
import { CreateUserDto, DirectoryUserDto, DirectoryUserPageDto, ListUsersQueryDto, UpdateUserDto } from './users.dto.js';
import { DirectoryUsersService } from './users.service.js';

@ApiTags('org users')
@ApiNotFoundResponse({ description: 'No such org or user within reach (problem+json)' })
@OrgMember()
@ApiOrgIdParam()
@Controller({ path: 'orgs/:orgId/users', version: '1' })
export class DirectoryUsersController {
  constructor(private readonly users: DirectoryUsersService) {}

  @Get()
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'listOrgUsers', summary: 'Directory users of the org: paged, sorted, searched and filtered by the server' })
  @ApiOkResponse({ type: DirectoryUserPageDto })
  list(@CurrentOrg() org: OrgScope, @Query() query: ListUsersQueryDto): Promise<DirectoryUserPageDto> {
    return this.users.list(org, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createOrgUser', summary: 'Adds a user to the directory (within the org user cap)' })
  @ApiCreatedResponse({ type: DirectoryUserDto })
  @ApiConflictResponse({ description: 'orgs.username_taken or orgs.user_cap_reached' })
  create(@CurrentOrg() org: OrgScope, @Body() body: CreateUserDto, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.create(org, body, { principal, context });
  }

  @Get(':userId')
  @OrgMember('org.view')
  @ApiOperation({ operationId: 'getOrgUser' })
  @ApiOkResponse({ type: DirectoryUserDto })
  get(@CurrentOrg() org: OrgScope, @Param('userId') userId: string): Promise<DirectoryUserDto> {
    return this.users.get(org, userId);
  }

  @Patch(':userId')
  @ApiOperation({ operationId: 'updateOrgUser', summary: 'Changes a user’s email or names' })
  @ApiOkResponse({ type: DirectoryUserDto })
  update(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @Body() body: UpdateUserDto, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.update(org, userId, body, { principal, context });
  }

  @Post(':userId/suspend')
  @OrgMember('users.support')
  @HttpCode(200)
  @ApiOperation({ operationId: 'suspendOrgUser' })
  @ApiOkResponse({ type: DirectoryUserDto })
  suspend(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.setState(org, userId, 'suspended', { principal, context });
  }

  @Post(':userId/activate')
  @OrgMember('users.support')
  @HttpCode(200)
  @ApiOperation({ operationId: 'activateOrgUser' })
  @ApiOkResponse({ type: DirectoryUserDto })
  activate(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.setState(org, userId, 'active', { principal, context });
  }

  @Post(':userId/unlock')
  @OrgMember('users.support')
  @HttpCode(200)
  @ApiOperation({ operationId: 'unlockOrgUser' })
  @ApiOkResponse({ type: DirectoryUserDto })
  unlock(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.unlock(org, userId, { principal, context });
  }

  @Post(':userId/reset-mfa')
  @OrgMember('users.support')
  @HttpCode(200)
  @ApiOperation({ operationId: 'resetOrgUserMfa' })
  @ApiOkResponse({ type: DirectoryUserDto })
  resetMfa(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<DirectoryUserDto> {
    return this.users.resetMfa(org, userId, { principal, context });
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteOrgUser' })
  @ApiNoContentResponse()
  remove(@CurrentOrg() org: OrgScope, @Param('userId') userId: string, @CurrentOrgCaller() principal: OrgCaller, @ClientContext() context: RequestContext): Promise<void> {
    return this.users.remove(org, userId, { principal, context });
  }
}
