import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../common/http/request-context.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partners/partner-access.decorators.js';
import { LaunchSessionsService } from './launch-sessions.service.js';
import { LaunchDto, LaunchRequestDto, LaunchSessionDto, LaunchSessionPageDto, PartnerSessionsQueryDto } from './sessions.dto.js';

@ApiTags('partner sessions')
@Controller({ path: 'partner', version: '1' })
export class PartnerSessionsController {
  constructor(private readonly sessions: LaunchSessionsService) {}

  @Post('orgs/:orgId/sessions')
  @PartnerAdmin('orgs.launch')
  @ApiOperation({
    operationId: 'launchOrgSession',
    summary: 'Launches a management session into an org of your partner: returns its org-console token, valid until the session ends',
  })
  @ApiParam({ name: 'orgId', description: 'The public OrgID' })
  @ApiCreatedResponse({ type: LaunchDto })
  @ApiBadRequestResponse({ description: 'sessions.reason_required: your partner’s policy asks for a reason' })
  @ApiNotFoundResponse({ description: 'orgs.not_found: no such org in your reach' })
  launch(@CurrentPartner() scope: PartnerScope, @Param('orgId') orgId: string, @Body() body: LaunchRequestDto, @ClientContext() context: RequestContext): Promise<LaunchDto> {
    return this.sessions.launch(scope, orgId, body, context);
  }

  @Get('sessions')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listPartnerSessions', summary: 'Launch sessions, newest first: the whole partner’s for owners and admins, your own otherwise' })
  @ApiOkResponse({ type: LaunchSessionPageDto })
  list(@CurrentPartner() scope: PartnerScope, @Query() query: PartnerSessionsQueryDto): Promise<LaunchSessionPageDto> {
    return this.sessions.partnerSessions(scope, query);
  }

  @Post('sessions/:sessionId/end')
  @HttpCode(200)
  @PartnerAdmin('orgs.launch')
  @ApiOperation({ operationId: 'endPartnerSession', summary: 'Ends a launch session (yours, or any of your partner’s for owners and admins); ending it again changes nothing' })
  @ApiOkResponse({ type: LaunchSessionDto })
  @ApiNotFoundResponse({ description: 'sessions.not_found' })
  end(@CurrentPartner() scope: PartnerScope, @Param('sessionId') sessionId: string, @ClientContext() context: RequestContext): Promise<LaunchSessionDto> {
    return this.sessions.end(scope, sessionId, context);
  }

  @Post('sessions/:sessionId/token')
  @HttpCode(200)
  @PartnerAdmin('orgs.launch')
  @ApiOperation({ operationId: 'issueLaunchToken', summary: 'A new org-console token for one of your active sessions (another tab, or a reload)' })
  @ApiOkResponse({ type: LaunchDto })
  @ApiNotFoundResponse({ description: 'sessions.not_found' })
  @ApiConflictResponse({ description: 'sessions.ended: launch again' })
  token(@CurrentPartner() scope: PartnerScope, @Param('sessionId') sessionId: string): Promise<LaunchDto> {
    return this.sessions.issueToken(scope, sessionId);
  }
}
