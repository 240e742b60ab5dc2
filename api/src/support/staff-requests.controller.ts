import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../common/http/request-context.js';
import { Staff } from '../identity/access/access-rules.js';
import { CurrentStaff, type StaffPrincipal } from '../identity/access/principal.js';
import type { PartnerActor } from '../partners/partner-actor.js';
import { StaffRequestsService } from './staff-requests.service.js';
import { CommentDto, OptionalCommentDto, StaffListRequestsQueryDto, StaffSupportRequestDto, StaffSupportRequestPageDto } from './support-requests.dto.js';

const actorOf = (staff: StaffPrincipal, context: RequestContext): PartnerActor => ({ type: 'staff', id: staff.staffId, label: staff.email, context });

/** What the back-office does with support requests, as an API for staff tools (same service). */
@ApiTags('staff requests')
@Staff()
@ApiNotFoundResponse({ description: 'support.not_found' })
@Controller({ path: 'staff/requests', version: '1' })
export class StaffRequestsController {
  constructor(private readonly requests: StaffRequestsService) {}

  @Get()
  @ApiOperation({ operationId: 'staffListSupportRequests', summary: 'Every partner’s requests, newest first: by kind, status, partner and age' })
  @ApiOkResponse({ type: StaffSupportRequestPageDto })
  list(@Query() query: StaffListRequestsQueryDto): Promise<StaffSupportRequestPageDto> {
    return this.requests.list(query);
  }

  @Get(':requestId')
  @ApiOperation({ operationId: 'staffGetSupportRequest' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  get(@Param('requestId') requestId: string): Promise<StaffSupportRequestDto> {
    return this.requests.get(requestId);
  }

  @Post(':requestId/take')
  @HttpCode(200)
  @ApiOperation({ operationId: 'staffTakeSupportRequest', summary: 'Takes an open request: it becomes in progress, with you as its assignee' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  @ApiConflictResponse({ description: 'support.invalid_transition' })
  take(@Param('requestId') requestId: string, @CurrentStaff() staff: StaffPrincipal, @ClientContext() context: RequestContext): Promise<StaffSupportRequestDto> {
    return this.requests.take(requestId, actorOf(staff, context));
  }

  @Post(':requestId/comments')
  @HttpCode(200)
  @ApiOperation({ operationId: 'staffCommentSupportRequest', summary: 'Adds a comment the partner sees (and is emailed)' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  comment(@Param('requestId') requestId: string, @Body() body: CommentDto, @CurrentStaff() staff: StaffPrincipal, @ClientContext() context: RequestContext): Promise<StaffSupportRequestDto> {
    return this.requests.comment(requestId, body.comment, actorOf(staff, context));
  }

  @Post(':requestId/resolve')
  @HttpCode(200)
  @ApiOperation({ operationId: 'staffResolveSupportRequest', summary: 'Resolves a training or general request' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  resolve(@Param('requestId') requestId: string, @Body() body: OptionalCommentDto, @CurrentStaff() staff: StaffPrincipal, @ClientContext() context: RequestContext): Promise<StaffSupportRequestDto> {
    return this.requests.resolve(requestId, body.comment ?? null, actorOf(staff, context));
  }

  @Post(':requestId/reject')
  @HttpCode(200)
  @ApiOperation({ operationId: 'staffRejectSupportRequest', summary: 'Rejects a request, saying why' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  reject(@Param('requestId') requestId: string, @Body() body: CommentDto, @CurrentStaff() staff: StaffPrincipal, @ClientContext() context: RequestContext): Promise<StaffSupportRequestDto> {
    return this.requests.reject(requestId, body.comment, actorOf(staff, context));
  }

  @Post(':requestId/approve-detachment')
  @HttpCode(200)
  @ApiOperation({ operationId: 'staffApproveDetachment', summary: 'Detaches the org of a detach request and resolves it; approving again changes nothing' })
  @ApiOkResponse({ type: StaffSupportRequestDto })
  @ApiConflictResponse({ description: 'support.not_detach, support.not_yet_effective or support.invalid_transition' })
  approve(@Param('requestId') requestId: string, @CurrentStaff() staff: StaffPrincipal, @ClientContext() context: RequestContext): Promise<StaffSupportRequestDto> {
    return this.requests.approveDetachment(requestId, actorOf(staff, context));
  }
}
