import type { HealthStatus } from '@mtp/contract';
import { ApiProperty } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['up'] })
  status: 'up';

  @ApiProperty()
  latencyMs: number;
}

export class HealthStatusDto implements HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthCheckDto' } })
  checks: Record<string, HealthCheckDto>;

  @ApiProperty({ example: '0.1.0' })
  version: string;
}
