import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiGoneResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE } from '../common/http/page-query.dto.js';
import { ClientContext, type RequestContext } from '../common/http/request-context.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partners/partner-access.decorators.js';
import { VerificationCompletionService } from './verification-completion.service.js';
import { VerificationRequestsService } from './verification-requests.service.js';
import {
  BulkVerificationDto,
  BulkVerificationResultDto,
  CreateVerificationDto,
  VerificationCodeDto,
  VerificationDto,
  VerificationPageDto,
  VerificationQueryDto,
  VerifiedOrgDto,
} from './verifications.dto.js';

@ApiTags('partner verifications')
@Controller({ path: 'partner/verifications', version: '1' })
export class PartnerVerificationsController {
  constructor(
    private readonly requests: VerificationRequestsService,
    private readonly completion: VerificationCompletionService,
  ) {}

  @Post()
  @HttpCode(202)
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'requestVerification', summary: 'Asks an org’s admin for a code; the answer is the same whether or not one was sent' })
  @ApiAcceptedResponse({ type: VerificationDto })
  @ApiTooManyRequestsResponse({ description: 'verification.too_many' })
  request(@CurrentPartner() scope: PartnerScope, @Body() body: CreateVerificationDto, @ClientContext() context: RequestContext): Promise<VerificationDto> {
    return this.requests.request(scope, body, context);
  }

  @Post('bulk')
  @HttpCode(200)
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'requestVerifications', summary: 'Up to 25 OrgID + email pairs at once, each answered on its own row' })
  @ApiOkResponse({ type: BulkVerificationResultDto })
  @ApiTooManyRequestsResponse({ description: 'verification.too_many' })
  async requestMany(@CurrentPartner() scope: PartnerScope, @Body() body: BulkVerificationDto, @ClientContext() context: RequestContext): Promise<BulkVerificationResultDto> {
    return { rows: await this.requests.requestMany(scope, body.rows, context) };
  }

  @Get()
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'listVerifications', summary: 'Your partner’s verification requests, newest first (pending by default)' })
  @ApiOkResponse({ type: VerificationPageDto })
  list(@CurrentPartner() scope: PartnerScope, @Query() query: VerificationQueryDto): Promise<VerificationPageDto> {
    return this.requests.list(scope, { status: query.status ?? 'pending', limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
  }

  @Post(':verificationId/code')
  @HttpCode(200)
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'submitVerificationCode', summary: 'The code from the email: the org is verified and joins your portfolio' })
  @ApiOkResponse({ type: VerifiedOrgDto })
  @ApiGoneResponse({ description: 'verification.expired, verification.void' })
  submitCode(@CurrentPartner() scope: PartnerScope, @Param('verificationId') verificationId: string, @Body() body: VerificationCodeDto, @ClientContext() context: RequestContext): Promise<VerifiedOrgDto> {
    return this.completion.submitCode(scope, verificationId, body.code, context);
  }

  @Post(':verificationId/resend')
  @HttpCode(200)
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'resendVerification', summary: 'A new code and link, valid 30 more minutes' })
  @ApiOkResponse({ type: VerificationDto })
  resend(@CurrentPartner() scope: PartnerScope, @Param('verificationId') verificationId: string, @ClientContext() context: RequestContext): Promise<VerificationDto> {
    return this.requests.resend(scope, verificationId, context);
  }

  @Delete(':verificationId')
  @HttpCode(204)
  @PartnerAdmin('orgs.manage')
  @ApiOperation({ operationId: 'cancelVerification', summary: 'Cancels a pending verification: its code and link stop working' })
  @ApiNoContentResponse()
  cancel(@CurrentPartner() scope: PartnerScope, @Param('verificationId') verificationId: string, @ClientContext() context: RequestContext): Promise<void> {
    return this.requests.cancel(scope, verificationId, context);
  }
}
