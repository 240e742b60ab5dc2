import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../common/http/page-query.dto.js';

const lowerTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
export const VERIFICATION_STATUSES = ['pending', 'verified', 'declined', 'cancelled', 'void', 'expired'] as const;
export const BULK_ROWS_MAX = 25;

export class CreateVerificationDto {
  @ApiProperty({ description: 'The OrgID of the organization to verify (24 hex characters)', example: '5f9c0a1b2c3d4e5f60718293' })
  @Transform(lowerTrimmed)
  @IsString()
  @Matches(/^[0-9a-f]{24}$/, { message: 'An OrgID has 24 characters, 0-9 and a-f' })
  orgId: string;

  @ApiProperty({ description: 'The email of one of that organization’s admins', example: 'it.lead@acme.example' })
  @Transform(lowerTrimmed)
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(320)
  email: string;
}

/** A bulk row is checked one by one: a bad row is reported, not a reason to refuse the others. */
export class BulkVerificationRowInputDto {
  @ApiProperty() @IsString() @MaxLength(100) orgId: string;
  @ApiProperty() @IsString() @MaxLength(320) email: string;
}

export class BulkVerificationDto {
  @ApiProperty({ type: [BulkVerificationRowInputDto], minItems: 1, maxItems: BULK_ROWS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_ROWS_MAX, { message: `At most ${BULK_ROWS_MAX} rows a request; send the rest in further requests` })
  @ValidateNested({ each: true })
  @Type(() => BulkVerificationRowInputDto)
  rows: BulkVerificationRowInputDto[];
}

export class VerificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The OrgID as entered' }) orgId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status: (typeof VERIFICATION_STATUSES)[number];
  @ApiProperty({ description: 'The admin who asked' }) requestedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) lastSentAt: Date;
  @ApiProperty() sentCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The org’s name, once verified' }) orgName: string | null;
  @ApiProperty({ description: 'The same words for every request: they never tell whether a code went out' }) message: string;
}

export class VerificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'all'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'all'])
  status?: 'pending' | 'all';
}

export class VerificationPageDto {
  @ApiProperty({ type: [VerificationDto] }) items: VerificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class BulkVerificationRowDto {
  @ApiProperty() orgId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['requested', 'invalid', 'rate_limited'] }) outcome: 'requested' | 'invalid' | 'rate_limited';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) verificationId: string | null;
  @ApiProperty() message: string;
}

export class BulkVerificationResultDto {
  @ApiProperty({ type: [BulkVerificationRowDto] }) rows: BulkVerificationRowDto[];
}

export class VerificationCodeDto {
  @ApiProperty({ description: 'The 8-character code from the email; case, spaces and dashes do not matter', example: '7K2M-9QX4' })
  @IsString()
  @Length(1, 32)
  code: string;
}

export class VerifiedOrgDto {
  @ApiProperty() orgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time' }) associatedSince: Date;
}

export class VerificationTokenDto {
  @ApiProperty({ description: 'The token from the email’s link' }) @IsString() @Length(1, 200) token: string;
}

export class VerificationRequestPreviewDto {
  @ApiProperty() partnerName: string;
  @ApiProperty({ enum: ['msp', 'enterprise'] }) partnerKind: 'msp' | 'enterprise';
  @ApiProperty() orgName: string;
  @ApiProperty() orgId: string;
  @ApiProperty({ description: 'The admin the email went to' }) email: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
}

export class VerificationOutcomeDto {
  @ApiProperty({ enum: ['verified', 'declined'] }) status: 'verified' | 'declined';
  @ApiProperty() partnerName: string;
  @ApiProperty() orgName: string;
}
