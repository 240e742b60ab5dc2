import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus } from './support-request.entity.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new request. Which fields apply depends on `kind`: detach takes orgId, reason and effectiveDate;
 * training takes topic, preferredDates, attendees and notes; general takes subject and message.
 * The service refuses a missing field of the kind and any field of another kind.
 */
export class CreateSupportRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS, { message: `kind is one of ${REQUEST_KINDS.join(', ')}` })
  kind: RequestKind;

  @ApiPropertyOptional({ description: 'detach: the OrgID of the org to detach' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[0-9a-f]{24}$/, { message: 'orgId is an OrgID: 24 hexadecimal characters' })
  orgId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'detach: why' })
  @IsOptional() @Transform(trimmed) @IsString() @MinLength(1, { message: 'Say why the org should be detached' }) @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'detach: from when (today or later); staff detach on approval otherwise' })
  @IsOptional() @Matches(DATE, { message: 'effectiveDate is a date: YYYY-MM-DD' })
  effectiveDate?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'training: what about' })
  @IsOptional() @Transform(trimmed) @IsString() @MinLength(1, { message: 'Say what the training is about' }) @MaxLength(200)
  topic?: string;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-08', '2026-12-10'], description: 'training: 1 to 5 dates that suit, today or later' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5)
  @Matches(DATE, { each: true, message: 'each preferred date is a date: YYYY-MM-DD' })
  preferredDates?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'training: how many people attend' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'attendees is a whole number' }) @Min(1) @Max(500)
  attendees?: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'training: anything else staff should know' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'general: the subject' })
  @IsOptional() @Transform(trimmed) @IsString() @MinLength(1, { message: 'Give the request a subject' }) @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'general: the message' })
  @IsOptional() @Transform(trimmed) @IsString() @MinLength(1, { message: 'Write a message' }) @MaxLength(5000)
  message?: string;
}

export class CommentDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trimmed) @IsString() @MinLength(1, { message: 'Write a comment' }) @MaxLength(5000)
  comment: string;
}

export class OptionalCommentDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(5000)
  comment?: string;
}

export class RequestOrgDto {
  @ApiProperty({ description: 'Public OrgID' }) orgId: string;
  @ApiProperty() name: string;
}

export class RequestEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ enum: ['filed', 'status', 'comment'] }) kind: 'filed' | 'status' | 'comment';
  @ApiProperty({ enum: ['partner', 'staff', 'platform'], description: 'Which side wrote it' }) side: 'partner' | 'staff' | 'platform';
  @ApiProperty({ type: String, nullable: true, description: 'Who: an email, or "Platform support" for staff when shown to partners' }) actor: string | null;
  @ApiProperty({ enum: REQUEST_STATUSES, nullable: true }) status: RequestStatus | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class SupportRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The number to quote' }) number: number;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty() subject: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the kind asks for (see CreateSupportRequestDto)' }) details: Record<string, unknown>;
  @ApiProperty({ type: RequestOrgDto, nullable: true }) org: RequestOrgDto | null;
  @ApiProperty({ description: 'Who filed it (email)' }) createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ description: 'You may still cancel it (it is open, and you filed it or are an owner or admin; for staff: the partner still may)' }) cancellable: boolean;
}

export class SupportRequestDetailsDto extends SupportRequestDto {
  @ApiProperty({ type: [RequestEventDto] }) timeline: RequestEventDto[];
}

export class StaffSupportRequestDto extends SupportRequestDetailsDto {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ type: String, nullable: true, description: 'The staff member who took it (email)' }) assignee: string | null;
}

export class SupportRequestPageDto {
  @ApiProperty({ type: [SupportRequestDto] }) items: SupportRequestDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StaffSupportRequestPageDto {
  @ApiProperty({ type: [StaffSupportRequestDto] }) items: StaffSupportRequestDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListRequestsQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_KINDS }) @IsOptional() @IsIn(REQUEST_KINDS) kind?: RequestKind;
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES) status?: RequestStatus;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(300) cursor?: string;
}

export class StaffListRequestsQueryDto extends ListRequestsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ description: 'Only requests at least this many days old', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650)
  olderThanDays?: number;
}
