import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../identity/administrators/password-policy.js';
import { PartnerOrgRefDto, RoleAndAccessDto } from '../partner-org-ref.dto.js';
import { ORG_ACCESS_KINDS, PARTNER_ROLES, type OrgAccessKind, type PartnerRole } from '../partner-roles.js';
import type { InvitationStatus } from './partner-invitation.entity.js';

export class CreatePartnerInvitationDto extends RoleAndAccessDto {
  @ApiProperty({ example: 'tech@northwind.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  email: string;
}

export class PartnerInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: PARTNER_ROLES }) role: PartnerRole;
  @ApiProperty({ enum: ORG_ACCESS_KINDS }) orgAccess: OrgAccessKind;
  @ApiProperty({ type: [PartnerOrgRefDto] }) orgs: PartnerOrgRefDto[];
  @ApiProperty({ enum: ['pending', 'expired', 'accepted', 'revoked'] }) status: InvitationStatus;
  @ApiProperty({ description: 'Who invited: an admin’s email, or platform staff' }) invitedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) lastSentAt: Date;
  @ApiProperty() sentCount: number;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @Length(1, 200)
  token: string;
}

export class InvitationPreviewDto {
  @ApiProperty() partnerName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: PARTNER_ROLES }) role: PartnerRole;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ description: 'An account with this email exists: accepting asks for its password' }) accountExists: boolean;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ description: 'The new password, or the existing account’s password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ required: false, description: 'Your name; required when the account is new' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}
