import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import { Public } from '../../identity/access/access-rules.js';
import { ApplicationReceivedDto, CreateApplicationDto } from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';

@ApiTags('public applications')
@Public()
@Controller({ path: 'public/applications', version: '1' })
export class PublicApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ operationId: 'submitApplication', summary: '"Become a partner" or "request an evaluation"; a confirmation is emailed' })
  @ApiAcceptedResponse({ type: ApplicationReceivedDto })
  @ApiTooManyRequestsResponse({ description: 'applications.too_many' })
  submit(@Body() body: CreateApplicationDto, @ClientContext() context: RequestContext): Promise<ApplicationReceivedDto> {
    return this.applications.submit(body, context);
  }
}
