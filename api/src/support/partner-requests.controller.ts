import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../common/http/request-context.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partners/partner-access.decorators.js';
import { CommentDto, CreateSupportRequestDto, ListRequestsQueryDto, OptionalCommentDto, SupportRequestDetailsDto, SupportRequestPageDto } from './support-requests.dto.js';
import { SupportRequestsService } from './support-requests.service.js';

@ApiTags('partner requests')
@ApiNotFoundResponse({ description: 'support.not_found: no such request of your partner' })
@Controller({ path: 'partner/requests', version: '1' })
export class PartnerRequestsController {
  constructor(private readonly requests: SupportRequestsService) {}

  @Post()
  @PartnerAdmin('requests.file')
  @ApiOperation({
    operationId: 'fileSupportRequest',
    summary: 'Asks platform staff: detach an org (owners and admins, for an org in their reach), training, or general help',
  })
  @ApiCreatedResponse({ type: SupportRequestDetailsDto })
  @ApiConflictResponse({ description: 'support.detach_pending: a detach request for this org is already open' })
  file(@CurrentPartner() scope: PartnerScope, @Body() body: CreateSupportRequestDto, @ClientContext() context: RequestContext): Promise<SupportRequestDetailsDto> {
    return this.requests.file(scope, body, context);
  }

  @Get()
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'listSupportRequests', summary: 'Your partner’s requests, newest first' })
  @ApiOkResponse({ type: SupportRequestPageDto })
  list(@CurrentPartner() scope: PartnerScope, @Query() query: ListRequestsQueryDto): Promise<SupportRequestPageDto> {
    return this.requests.list(scope, query);
  }

  @Get(':requestId')
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'getSupportRequest', summary: 'One request with its timeline of status changes and comments' })
  @ApiOkResponse({ type: SupportRequestDetailsDto })
  get(@CurrentPartner() scope: PartnerScope, @Param('requestId') requestId: string): Promise<SupportRequestDetailsDto> {
    return this.requests.get(scope, requestId);
  }

  @Post(':requestId/comments')
  @PartnerAdmin('requests.file')
  @ApiOperation({ operationId: 'commentSupportRequest', summary: 'Adds a comment for platform staff (until the request is closed)' })
  @ApiCreatedResponse({ type: SupportRequestDetailsDto })
  @ApiConflictResponse({ description: 'support.request_closed' })
  comment(@CurrentPartner() scope: PartnerScope, @Param('requestId') requestId: string, @Body() body: CommentDto, @ClientContext() context: RequestContext): Promise<SupportRequestDetailsDto> {
    return this.requests.comment(scope, requestId, body.comment, context);
  }

  @Post(':requestId/cancel')
  @HttpCode(200)
  @PartnerAdmin('requests.file')
  @ApiOperation({ operationId: 'cancelSupportRequest', summary: 'Withdraws a request staff have not taken yet (whoever filed it, or an owner or admin)' })
  @ApiOkResponse({ type: SupportRequestDetailsDto })
  @ApiConflictResponse({ description: 'support.not_cancellable: staff have it already' })
  cancel(@CurrentPartner() scope: PartnerScope, @Param('requestId') requestId: string, @Body() body: OptionalCommentDto, @ClientContext() context: RequestContext): Promise<SupportRequestDetailsDto> {
    return this.requests.cancel(scope, requestId, body.comment ?? null, context);
  }
}
