import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsJWT, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../administrators/password-policy.js';

/** People paste emails with spaces around them; that is not a mistake worth refusing. */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto {
  @ApiProperty({ example: 'ana@msp.example' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class LoginStepDto {
  @ApiProperty({ enum: ['mfa_required', 'mfa_enrollment_required'] })
  status: 'mfa_required' | 'mfa_enrollment_required';

  @ApiPropertyOptional({ description: 'When status is mfa_required: send it to POST /auth/mfa with a code' })
  challengeToken?: string;

  @ApiPropertyOptional({ description: 'When status is mfa_enrollment_required: the Bearer token of the enrollment routes' })
  enrollmentToken?: string;

  @ApiProperty({ description: 'Seconds the token is valid' })
  expiresIn: number;
}

export class MfaDto {
  @ApiProperty()
  @IsJWT({ message: 'The sign-in challenge is malformed; sign in again' })
  challengeToken: string;

  @ApiPropertyOptional({ example: '123456', description: 'The current code of the authenticator app' })
  @ValidateIf((dto: MfaDto) => dto.recoveryCode === undefined)
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCDE-FGHJK', description: 'One of the recovery codes, instead of a code' })
  @IsOptional()
  @IsString()
  @Length(10, 24)
  recoveryCode?: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app' })
  code: string;
}

export class AdministratorSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;
}

export class SessionDto {
  @ApiProperty({ description: 'Bearer token for the API; the refresh token is set as an HttpOnly cookie' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds the access token is valid' })
  expiresIn: number;

  @ApiProperty({ type: AdministratorSummaryDto })
  administrator: AdministratorSummaryDto;
}

export class EnrolledSessionDto extends SessionDto {
  @ApiProperty({ type: [String], description: 'Ten single-use recovery codes, shown this once' })
  recoveryCodes: string[];
}

export class EnrollmentSecretDto {
  @ApiProperty({ description: 'The TOTP secret, base32, for typing into an authenticator app' })
  secret: string;

  @ApiProperty()
  otpauthUrl: string;

  @ApiProperty({ description: 'The otpauth URL as an SVG QR code (data URL)' })
  qrCodeDataUrl: string;

  @ApiProperty()
  accountName: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  email: string;
}

export class PasswordResetDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}
