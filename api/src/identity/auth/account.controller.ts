import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { Administrator } from '../access/access-rules.js';
import { CurrentAdministrator, type AdministratorPrincipal } from '../access/principal.js';
import { ChangePasswordDto, MeDto, RecoveryCodesDto, RegenerateRecoveryCodesDto, SessionsRevokedDto } from './account.dto.js';
import { AccountService } from './account.service.js';

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
@Administrator()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'Who I am: my account, partner memberships with role, and org memberships' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentAdministrator() principal: AdministratorPrincipal): Promise<MeDto> {
    return this.account.view(principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ operationId: 'changePassword', summary: 'Changes my password (needs the current one); signs out my other sessions' })
  @ApiNoContentResponse()
  changePassword(@CurrentAdministrator() principal: AdministratorPrincipal, @Body() body: ChangePasswordDto, @ClientContext() context: RequestContext): Promise<void> {
    return this.account.changePassword(principal, body.currentPassword, body.newPassword, context);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({ operationId: 'regenerateRecoveryCodes', summary: 'New recovery codes (needs a current TOTP code); the old ones stop working' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  async regenerateRecoveryCodes(
    @CurrentAdministrator() principal: AdministratorPrincipal,
    @Body() body: RegenerateRecoveryCodesDto,
    @ClientContext() context: RequestContext,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.account.regenerateRecoveryCodes(principal, body.code, context) };
  }

  @Post('sessions/revocations')
  @HttpCode(200)
  @ApiOperation({ operationId: 'signOutEverywhere', summary: 'Signs me out of every browser, this one included' })
  @ApiOkResponse({ type: SessionsRevokedDto })
  async signOutEverywhere(@CurrentAdministrator() principal: AdministratorPrincipal, @ClientContext() context: RequestContext): Promise<SessionsRevokedDto> {
    return { sessionsRevoked: await this.account.signOutEverywhere(principal, context) };
  }
}
