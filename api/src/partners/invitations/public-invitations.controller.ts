import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { Public } from '../../identity/access/access-rules.js';
import { LoginStepDto } from '../../identity/auth/auth.dto.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { AcceptInvitationDto, InvitationPreviewDto, InvitationTokenDto } from './partner-invitations.dto.js';

/** The token travels in the body, never in a URL that logs and proxies keep. */
@ApiTags('public invitations')
@Public()
@Controller({ path: 'public/invitations', version: '1' })
export class PublicInvitationsController {
  constructor(private readonly acceptance: InvitationAcceptanceService) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ operationId: 'lookupInvitation', summary: 'What an invitation link is for: partner, email, role' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiNotFoundResponse({ description: 'invitations.not_found' })
  @ApiGoneResponse({ description: 'invitations.expired, invitations.revoked, invitations.used' })
  lookup(@Body() body: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.acceptance.preview(body.token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ operationId: 'acceptInvitation', summary: 'Accepts with a new password (new account) or the account’s password; MFA follows' })
  @ApiOkResponse({ type: LoginStepDto })
  @ApiNotFoundResponse({ description: 'invitations.not_found' })
  @ApiGoneResponse({ description: 'invitations.expired, invitations.revoked, invitations.used' })
  accept(@Body() body: AcceptInvitationDto, @ClientContext() context: RequestContext): Promise<LoginStepDto> {
    return this.acceptance.accept(body.token, { password: body.password, name: body.name }, context);
  }
}
