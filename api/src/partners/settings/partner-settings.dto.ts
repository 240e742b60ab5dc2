import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { PartnerKind, PartnerStatus } from '../partner.entity.js';

export const LAUNCH_MINUTES_MIN = 15;
export const LAUNCH_MINUTES_MAX = 8 * 60;

export class PartnerPolicyDto {
  @ApiProperty({ description: 'Always true: every admin signs in with MFA, and a partner cannot turn it off' }) mfaRequired: boolean;
  @ApiProperty({ description: 'A launch into an org must give a reason' }) launchReasonRequired: boolean;
  @ApiProperty({ minimum: LAUNCH_MINUTES_MIN, maximum: LAUNCH_MINUTES_MAX, description: 'How long a launch session lasts' }) launchSessionMinutes: number;
}

export class PartnerSettingsDto {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['msp', 'enterprise'] }) kind: PartnerKind;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: PartnerStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: PartnerPolicyDto }) policy: PartnerPolicyDto;
}

export class UpdatePartnerPolicyDto {
  @ApiPropertyOptional({ description: 'Only true is accepted: MFA cannot be turned off' })
  @IsOptional()
  @IsBoolean()
  mfaRequired?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  launchReasonRequired?: boolean;

  @ApiPropertyOptional({ minimum: LAUNCH_MINUTES_MIN, maximum: LAUNCH_MINUTES_MAX })
  @IsOptional()
  @IsInt({ message: 'The launch session length is a whole number of minutes' })
  @Min(LAUNCH_MINUTES_MIN, { message: `A launch session lasts at least ${LAUNCH_MINUTES_MIN} minutes` })
  @Max(LAUNCH_MINUTES_MAX, { message: 'A launch session lasts at most 8 hours (480 minutes)' })
  launchSessionMinutes?: number;
}

export class UpdatePartnerSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200, { message: 'The partner’s name has 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional({ type: UpdatePartnerPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdatePartnerPolicyDto)
  policy?: UpdatePartnerPolicyDto;
}
