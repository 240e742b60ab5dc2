import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/access/access-rules.js';
import { ProblemDto } from '../openapi/problem.dto.js';
import { DevMailboxMessageDto, DevMailboxPageDto, DevMailboxQueryDto } from './dev-mailbox.dto.js';
import { DevMailboxGuard, DevMailboxService } from './dev-mailbox.service.js';

const ONLY_WHEN_ENABLED =
  'Only on a development or demo install that sends no real email (no SMTP_URL); elsewhere every route here answers 404 request.not_found.';

@ApiTags('dev-mailbox')
@Controller({ path: 'dev/mailbox', version: '1' })
@UseGuards(DevMailboxGuard)
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailboxService) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'listDevMailbox', summary: 'Every email the portal queued, newest first', description: ONLY_WHEN_ENABLED })
  @ApiOkResponse({ type: DevMailboxPageDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'The dev mailbox is off on this install' })
  list(@Query() query: DevMailboxQueryDto): Promise<DevMailboxPageDto> {
    return this.mailbox.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ operationId: 'getDevMailboxMessage', summary: 'One email, with its text and HTML parts', description: ONLY_WHEN_ENABLED })
  @ApiOkResponse({ type: DevMailboxMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'mail.message_not_found, or request.not_found when the dev mailbox is off' })
  get(@Param('id') id: string): Promise<DevMailboxMessageDto> {
    return this.mailbox.get(id);
  }
}
