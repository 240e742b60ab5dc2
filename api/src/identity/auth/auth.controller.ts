import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.provider.js';
import { MfaEnrollment, Public } from '../access/access-rules.js';
import { CurrentEnrollment, type EnrollmentPrincipal } from '../access/principal.js';
import { DomainError } from '../../common/domain-error.js';
import {
  EnrolledSessionDto,
  EnrollmentSecretDto,
  LoginDto,
  LoginStepDto,
  MfaCodeDto,
  MfaDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  SessionDto,
} from './auth.dto.js';
import { AuthService, type LoginStep, type SignedIn } from './auth.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@ApiUnauthorizedResponse({ description: 'problem+json' })
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'First step of sign-in: email and password' })
  @ApiOkResponse({ type: LoginStepDto })
  @ApiTooManyRequestsResponse({ description: 'problem+json with Retry-After' })
  login(@Body() body: LoginDto, @ClientContext() context: RequestContext): Promise<LoginStep> {
    return this.auth.login(body.email, body.password, context);
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'completeMfa', summary: 'Second step: a TOTP code or a recovery code; starts the session' })
  @ApiOkResponse({ type: SessionDto })
  async completeMfa(@Body() body: MfaDto, @ClientContext() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    return this.session(response, await this.auth.completeMfa(body.challengeToken, { code: body.code, recoveryCode: body.recoveryCode }, context));
  }

  @Post('mfa/enrollment')
  @MfaEnrollment()
  @HttpCode(200)
  @ApiOperation({ operationId: 'startMfaEnrollment', summary: 'A new TOTP secret and its QR code, for the first sign-in' })
  @ApiOkResponse({ type: EnrollmentSecretDto })
  startEnrollment(@CurrentEnrollment() principal: EnrollmentPrincipal): Promise<EnrollmentSecretDto> {
    return this.auth.startEnrollment(principal.administratorId);
  }

  @Post('mfa/enrollment/confirm')
  @MfaEnrollment()
  @HttpCode(200)
  @ApiOperation({ operationId: 'confirmMfaEnrollment', summary: 'Confirms the first code; returns the recovery codes and starts the session' })
  @ApiOkResponse({ type: EnrolledSessionDto })
  async confirmEnrollment(
    @CurrentEnrollment() principal: EnrollmentPrincipal,
    @Body() body: MfaCodeDto,
    @ClientContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrolledSessionDto> {
    const signedIn = await this.auth.confirmEnrollment(principal.administratorId, body.code, context);
    return { ...this.session(response, signedIn), recoveryCodes: signedIn.recoveryCodes };
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'refreshSession', summary: 'A new access token, from the refresh cookie (which is rotated)' })
  @ApiOkResponse({ type: SessionDto })
  async refresh(@Req() request: Request, @ClientContext() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const token = readRefreshCookie(request);
    if (!token) throw new DomainError('auth.session_ended', 401, 'You are not signed in');
    try {
      return this.session(response, await this.auth.refresh(token, context));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'auth.session_ended') clearRefreshCookie(response, this.config);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Ends this browser session' })
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @ClientContext() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(request), context);
    clearRefreshCookie(response, this.config);
  }

  @Post('password-reset/requests')
  @Public()
  @HttpCode(202)
  @ApiOperation({ operationId: 'requestPasswordReset', summary: 'Emails a reset link if the account exists; the answer is the same either way' })
  @ApiAcceptedResponse()
  requestPasswordReset(@Body() body: PasswordResetRequestDto, @ClientContext() context: RequestContext): Promise<void> {
    return this.passwordReset.request(body.email, context);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'resetPassword', summary: 'Sets a new password with the link from the email; signs out everywhere' })
  @ApiNoContentResponse()
  resetPassword(@Body() body: PasswordResetDto, @ClientContext() context: RequestContext): Promise<void> {
    return this.passwordReset.complete(body.token, body.newPassword, context);
  }

  private session(response: Response, signedIn: SignedIn): SessionDto {
    setRefreshCookie(response, this.config, signedIn.refreshToken);
    const { id, email, name } = signedIn.administrator;
    return { accessToken: signedIn.accessToken, expiresIn: signedIn.expiresIn, administrator: { id, email, name } };
  }
}
