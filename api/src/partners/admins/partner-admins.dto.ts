import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { PartnerOrgRefDto } from '../partner-org-ref.dto.js';
import { ORG_ACCESS_KINDS, PARTNER_ROLES, type OrgAccessKind, type PartnerRole } from '../partner-roles.js';

export class PartnerAdminDto {
  @ApiProperty({ format: 'uuid' }) administratorId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_ROLES }) role: PartnerRole;
  @ApiProperty({ enum: ORG_ACCESS_KINDS }) orgAccess: OrgAccessKind;
  @ApiProperty({ type: [PartnerOrgRefDto], description: 'The orgs listed for `selected` access; empty for `all`' }) orgs: PartnerOrgRefDto[];
  @ApiProperty({ enum: ['active', 'suspended'] }) status: 'active' | 'suspended';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt: Date;
  @ApiProperty({ description: 'This admin is the caller' }) you: boolean;
}

export class UpdatePartnerAdminDto {
  @ApiPropertyOptional({ enum: PARTNER_ROLES })
  @IsOptional()
  @IsIn(PARTNER_ROLES, { message: `role is one of ${PARTNER_ROLES.join(', ')}` })
  role?: PartnerRole;

  @ApiPropertyOptional({ enum: ORG_ACCESS_KINDS })
  @IsOptional()
  @IsIn(ORG_ACCESS_KINDS, { message: 'orgAccess is all or selected' })
  orgAccess?: OrgAccessKind;

  @ApiPropertyOptional({ type: [String], description: 'Public OrgIDs, with `selected` access' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(/^[0-9a-f]{24}$/, { each: true, message: 'each orgId is a 24-hex OrgID' })
  orgIds?: string[];

  @ApiPropertyOptional({ enum: ['active', 'suspended'], description: 'A suspended admin can do nothing, and their sessions end' })
  @IsOptional()
  @IsIn(['active', 'suspended'], { message: 'status is active or suspended' })
  status?: 'active' | 'suspended';
}
