import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import type { OrgStatus } from './organization.entity.js';

export class OrgSettingsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'At most this many directory users; null for no cap' })
  userCap: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Passwords of new users expire after this many days; null for never' })
  passwordExpiryDays: number | null;
}

export class OrgFiguresDto {
  @ApiProperty() usersTotal: number;
  @ApiProperty() usersActive: number;
  @ApiProperty() usersSuspended: number;
  @ApiProperty() usersStaged: number;
  @ApiProperty() usersWithMfa: number;
  @ApiProperty() usersLockedOut: number;
  @ApiProperty() systemsTotal: number;
  @ApiProperty() systemsActive: number;
  @ApiProperty() admins: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of users with MFA, in percent (one decimal)' }) mfaCoveragePercent: number | null;
  @ApiProperty({ description: 'Passwords expiring within the next 14 days (counted when asked)' }) passwordsExpiringIn14Days: number;
  @ApiProperty({ description: 'Users created in the last 7 days (counted when asked)' }) newUsersLast7Days: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: Date | null;
}

export class OrgOverviewDto {
  @ApiProperty({ example: '5f9c0a1b2c3d4e5f60718293', description: 'The public OrgID' }) orgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: OrgStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: OrgSettingsDto }) settings: OrgSettingsDto;
  @ApiProperty({ type: OrgFiguresDto }) stats: OrgFiguresDto;
}

export class UpdateOrgSettingsDto {
  @ApiPropertyOptional({ example: 'Acme Corp' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional() @ValidateIf((_dto, value) => value !== null) @IsInt() @Min(1) @Max(10_000_000)
  userCap?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional() @ValidateIf((_dto, value) => value !== null) @IsInt() @Min(1) @Max(3650)
  passwordExpiryDays?: number | null;
}
