import type { HealthStatus } from '@mtp/contract';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['up'] })
  status: 'up';

  @ApiProperty()
  latencyMs: number;
}

@ApiExtraModels(HealthCheckDto)
export class HealthStatusDto implements HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthCheckDto) } })
  checks: Record<string, HealthCheckDto>;

  @ApiProperty({ example: '0.1.0' })
  version: string;
}
