import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ORG_PERMISSIONS, type OrgPermission } from '../identity/access/access-rules.js';
import { LAUNCH_ROLES, type LaunchRole } from './launch-permissions.js';

export const ENDED_REASONS = [
  'expired',
  'ended_by_admin',
  'ended_by_partner_admin',
  'admin_removed',
  'admin_suspended',
  'admin_disabled',
  'role_changed',
  'org_access_removed',
  'partner_suspended',
  'org_detached',
  'signed_out',
] as const;
export type EndedReason = (typeof ENDED_REASONS)[number];

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

export class LaunchRequestDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why you open this org; required when your partner’s policy says so. Shown to the org’s own admins.' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'A ticket in your PSA or help desk, e.g. `PSA-4411`' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  ticket?: string;
}

class SessionOrgDto {
  @ApiProperty({ description: 'Public OrgID' }) orgId: string;
  @ApiProperty() name: string;
}

class SessionAdminDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

class SessionPartnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class LaunchSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SessionOrgDto }) org: SessionOrgDto;
  @ApiProperty({ type: SessionAdminDto }) admin: SessionAdminDto;
  @ApiProperty({ type: SessionPartnerDto }) partner: SessionPartnerDto;
  @ApiProperty({ enum: LAUNCH_ROLES, description: 'The admin’s partner role at launch: what they may do in the org follows it' }) role: LaunchRole;
  @ApiProperty({ enum: ORG_PERMISSIONS, isArray: true, description: 'What the org console allows in this session' }) permissions: OrgPermission[];
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) ticket: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it ended: by a person, revoked, or its expiry' }) endedAt: Date | null;
  @ApiProperty({ enum: ENDED_REASONS, nullable: true }) endedReason: EndedReason | null;
  @ApiProperty({ enum: ['active', 'ended'] }) state: 'active' | 'ended';
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
}

export class LaunchDto {
  @ApiProperty({ type: LaunchSessionDto }) session: LaunchSessionDto;
  @ApiProperty({ description: 'Org-console token (Bearer) for `/api/v1/orgs/{orgId}/...` of this org only, checked against the session on every request' })
  token: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
}

export class LaunchSessionPageDto {
  @ApiProperty({ type: [LaunchSessionDto] }) items: LaunchSessionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page' }) nextBefore: string | null;
}

export class SessionHistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextBefore of the previous page' })
  @IsOptional() @IsString() @MaxLength(200)
  before?: string;
}

export class PartnerSessionsQueryDto extends SessionHistoryQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'all'], default: 'active' })
  @IsOptional() @IsIn(['active', 'all'])
  state?: 'active' | 'all';

  @ApiPropertyOptional({ description: 'Only sessions into this org (public OrgID)' })
  @IsOptional() @IsString() @Matches(/^[0-9a-f]{24}$/, { message: 'orgId must be an OrgID: 24 lowercase hex characters' })
  orgId?: string;

  @ApiPropertyOptional({ description: 'Only your own sessions (owners and admins see the whole partner’s otherwise)', default: false })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  mine?: boolean;
}
