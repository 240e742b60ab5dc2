import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { MailStatus } from './mail-outbox-message.entity.js';

export const DEV_MAILBOX_DEFAULT_LIMIT = 20;
export const DEV_MAILBOX_MAX_LIMIT = 100;

export class DevMailboxQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: DEV_MAILBOX_MAX_LIMIT, default: DEV_MAILBOX_DEFAULT_LIMIT, description: 'Messages per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DEV_MAILBOX_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the last message of the previous page (its `nextBefore`)' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class DevMailboxMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ada@example.com' })
  to: string;

  @ApiProperty({ example: 'Reset your MTP password' })
  subject: string;

  @ApiProperty({ description: 'The plain-text part, exactly as sent' })
  text: string;

  @ApiProperty({ description: 'The HTML part, exactly as sent' })
  html: string;

  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'] })
  status: MailStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export class DevMailboxPageDto {
  @ApiProperty({ type: [DevMailboxMessageDto], description: 'Newest first' })
  items: DevMailboxMessageDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Pass as `before` for the next page; null on the last page' })
  nextBefore: string | null;
}
