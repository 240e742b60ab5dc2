import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { adminActor } from '../partner-actor.js';
import { CreatePartnerInvitationDto, PartnerInvitationDto } from './partner-invitations.dto.js';
import { PartnerInvitationsService } from './partner-invitations.service.js';

@ApiTags('partner invitations')
@Controller({ path: 'partner/invitations', version: '1' })
export class PartnerInvitationsController {
  constructor(private readonly invitations: PartnerInvitationsService) {}

  @Get()
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'listPartnerInvitations', summary: 'Invitations sent for your partner, newest first (owners)' })
  @ApiOkResponse({ type: [PartnerInvitationDto] })
  list(@CurrentPartner() scope: PartnerScope): Promise<PartnerInvitationDto[]> {
    return this.invitations.list(scope.partnerId);
  }

  @Post()
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'invitePartnerAdmin', summary: 'Invites a person as an admin, with a role and org access (owners)' })
  @ApiCreatedResponse({ type: PartnerInvitationDto })
  @ApiConflictResponse({ description: 'partners.admin_exists, partners.other_partner' })
  @ApiNotFoundResponse({ description: 'partners.org_not_found' })
  invite(@CurrentPartner() scope: PartnerScope, @Body() body: CreatePartnerInvitationDto, @ClientContext() context: RequestContext): Promise<PartnerInvitationDto> {
    return this.invitations.invite(scope.partnerId, body, adminActor(scope, context));
  }

  @Post(':invitationId/resend')
  @HttpCode(200)
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'resendPartnerInvitation', summary: 'Sends a new link, valid seven more days; the old link stops working (owners)' })
  @ApiOkResponse({ type: PartnerInvitationDto })
  @ApiConflictResponse({ description: 'partners.invitation_accepted, partners.invitation_revoked' })
  resend(@CurrentPartner() scope: PartnerScope, @Param('invitationId') invitationId: string, @ClientContext() context: RequestContext): Promise<PartnerInvitationDto> {
    return this.invitations.resend(scope.partnerId, invitationId, adminActor(scope, context));
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'revokePartnerInvitation', summary: 'Revokes an invitation: its link stops working (owners)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'partners.invitation_accepted, partners.invitation_revoked' })
  revoke(@CurrentPartner() scope: PartnerScope, @Param('invitationId') invitationId: string, @ClientContext() context: RequestContext): Promise<void> {
    return this.invitations.revoke(scope.partnerId, invitationId, adminActor(scope, context));
  }
}
