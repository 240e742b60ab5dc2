import type { HealthStatus } from '@mtp/contract';
import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/access/access-rules.js';
import { HealthService } from './health.service.js';
import { HealthStatusDto } from './health.dto.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process is up and serving requests' })
  @ApiOkResponse({ type: HealthStatusDto })
  live(): HealthStatus {
    return this.health.live();
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'The instance can serve traffic: its database answers and it is not shutting down' })
  @ApiOkResponse({ type: HealthStatusDto })
  @ApiServiceUnavailableResponse({ description: 'problem+json with code health.not_ready' })
  ready(): Promise<HealthStatus> {
    return this.health.ready();
  }
}
