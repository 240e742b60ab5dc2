import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../common/http/request-context.js';
import { Public } from '../identity/access/access-rules.js';
import { VerificationCompletionService } from './verification-completion.service.js';
import { VerificationOutcomeDto, VerificationRequestPreviewDto, VerificationTokenDto } from './verifications.dto.js';

/** The emailed link's page: the org admin sees who asks and decides. The token travels in the body. */
@ApiTags('public verifications')
@Public()
@ApiNotFoundResponse({ description: 'verification.not_found' })
@ApiGoneResponse({ description: 'verification.expired, verification.void' })
@Controller({ path: 'public/verifications', version: '1' })
export class PublicVerificationsController {
  constructor(private readonly completion: VerificationCompletionService) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ operationId: 'lookupVerification', summary: 'Which partner asks to manage which org' })
  @ApiOkResponse({ type: VerificationRequestPreviewDto })
  lookup(@Body() body: VerificationTokenDto): Promise<VerificationRequestPreviewDto> {
    return this.completion.preview(body.token);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ operationId: 'approveVerification', summary: 'The org admin approves: the org is verified and associated' })
  @ApiOkResponse({ type: VerificationOutcomeDto })
  @ApiConflictResponse({ description: 'partners.org_associated' })
  approve(@Body() body: VerificationTokenDto, @ClientContext() context: RequestContext): Promise<VerificationOutcomeDto> {
    return this.completion.answerByLink(body.token, 'approve', context);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ operationId: 'declineVerification', summary: 'The org admin declines: the request is void' })
  @ApiOkResponse({ type: VerificationOutcomeDto })
  decline(@Body() body: VerificationTokenDto, @ClientContext() context: RequestContext): Promise<VerificationOutcomeDto> {
    return this.completion.answerByLink(body.token, 'decline', context);
  }
}
