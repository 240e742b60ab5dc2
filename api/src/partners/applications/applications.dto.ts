import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import type { PartnerKind } from '../partner.entity.js';
import type { ApplicationKind } from './partner-application.entity.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateApplicationDto {
  @ApiProperty({ enum: ['partner', 'evaluation'], description: '"Become a partner" or "request an evaluation"' })
  @IsIn(['partner', 'evaluation'], { message: 'kind is partner or evaluation' })
  kind: ApplicationKind;

  @ApiProperty({ example: 'Northwind IT Services' })
  @Transform(trimmed) @IsString() @Length(1, 200, { message: 'Enter the company name (at most 200 characters)' })
  company: string;

  @ApiProperty({ example: 'Dana Reyes' })
  @Transform(trimmed) @IsString() @Length(1, 200, { message: 'Enter your name (at most 200 characters)' })
  contactName: string;

  @ApiProperty({ example: 'dana@northwind.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'Enter a valid email address' }) @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, description: 'How many customer organizations you manage' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'The number of customers is a whole number' }) @Min(0) @Max(1_000_000)
  customerCount?: number;

  @ApiPropertyOptional({ enum: ['msp', 'enterprise'], default: 'msp', description: 'An MSP serving customers, or an enterprise with its own sub-organizations' })
  @IsOptional() @IsIn(['msp', 'enterprise'], { message: 'partnerKind is msp or enterprise' })
  partnerKind?: PartnerKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000, { message: 'The message has at most 2000 characters' })
  message?: string;
}

export class ApplicationReceivedDto {
  @ApiProperty() received: boolean;
  @ApiProperty() message: string;
}
