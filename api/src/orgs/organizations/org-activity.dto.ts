import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, Min } from 'class-validator';

export class OrgActivityQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only events older than this id (the nextBefore of the previous page)' })
  @IsOptional() @IsNumberString({ no_symbols: true })
  before?: string;
}

export class ActivityLaunchDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: String, nullable: true }) partnerName: string | null;
}

export class OrgActivityEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ example: 'orgs.user.suspended' }) action: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
  @ApiProperty({ description: 'Who acted: an email, or the kind of actor' }) actor: string;
  @ApiPropertyOptional({ type: String, nullable: true }) targetType: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: ActivityLaunchDto, nullable: true, description: 'Set when a partner admin did this in a launch session' })
  launch: ActivityLaunchDto | null;
}

export class OrgActivityPageDto {
  @ApiProperty({ type: [OrgActivityEventDto] }) items: OrgActivityEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextBefore: string | null;
}
