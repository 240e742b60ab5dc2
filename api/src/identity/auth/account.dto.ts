import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../administrators/password-policy.js';

export class PartnerMembershipDto {
  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty()
  partnerName: string;

  @ApiProperty({ example: 'admin' })
  role: string;
}

export class OrgMembershipDto {
  @ApiProperty({ description: 'The public 24-hex OrgID' })
  orgId: string;

  @ApiProperty()
  orgName: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  mfaEnrolled: boolean;

  @ApiProperty()
  recoveryCodesRemaining: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: Date | null;

  @ApiProperty({ type: [PartnerMembershipDto] })
  partnerMemberships: PartnerMembershipDto[];

  @ApiProperty({ type: [OrgMembershipDto] })
  orgMemberships: OrgMembershipDto[];
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class RegenerateRecoveryCodesDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app' })
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String] })
  recoveryCodes: string[];
}

export class SessionsRevokedDto {
  @ApiProperty()
  sessionsRevoked: number;
}
