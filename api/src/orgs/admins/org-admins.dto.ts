import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';

export class AddOrgAdminDto {
  @ApiProperty({ example: 'it.lead@acme.example', description: 'An existing administrator is added; a new address gets an invitation by email' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  email: string;
}

export class OrgAdminDto {
  @ApiProperty({ format: 'uuid' }) administratorId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false until an invited administrator has chosen a password' }) active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt: Date;
}
