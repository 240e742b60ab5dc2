import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export class CreatePartnerOrgDto {
  @ApiProperty({ example: 'Contoso Dental', maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200, { message: 'An organization’s name has 1 to 200 characters' })
  name: string;

  @ApiProperty({ description: 'The org’s first admin: an existing account is mapped, a new address is invited', example: 'it@contoso.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  adminEmail: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, description: 'At most this many users (none when absent)' })
  @IsOptional()
  @IsInt({ message: 'The user cap is a whole number' })
  @Min(1, { message: 'The user cap is at least 1' })
  @Max(10_000_000)
  userCap?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt({ message: 'Password expiry is a whole number of days' })
  @Min(1)
  @Max(3650, { message: 'Password expiry is at most 3650 days' })
  passwordExpiryDays?: number | null;

  @ApiPropertyOptional({ description: 'The OrgID of one of your orgs whose settings (user cap, password expiry) the new org copies' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[0-9a-f]{24}$/, { message: 'An OrgID has 24 characters, 0-9 and a-f' })
  cloneSettingsFrom?: string;
}
