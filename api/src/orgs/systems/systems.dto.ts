import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import type { OsFamily } from './system.entity.js';

const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const OS_FAMILIES = ['windows', 'macos', 'linux', 'other'] as const;
export const SYSTEM_SORTS = ['hostname', 'osFamily', 'lastContactAt', 'createdAt'] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];

export class ListSystemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SYSTEM_SORTS, default: 'hostname' })
  @IsOptional() @IsIn(SYSTEM_SORTS)
  sort?: SystemSort;

  @ApiPropertyOptional({ description: 'Start of a hostname' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: OS_FAMILIES })
  @IsOptional() @IsIn(OS_FAMILIES)
  osFamily?: OsFamily;

  @ApiPropertyOptional()
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  active?: boolean;
}

export class UpdateSystemDto {
  @ApiPropertyOptional({ example: 'acme-pc-042' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @Length(1, 253)
  hostname?: string;

  @ApiPropertyOptional({ description: 'false: the system stops counting as active' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class SystemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() hostname: string;
  @ApiProperty({ enum: OS_FAMILIES }) osFamily: OsFamily;
  @ApiProperty() osVersion: string;
  @ApiProperty() agentVersion: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastContactAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class SystemPageDto {
  @ApiProperty({ type: [SystemDto] }) items: SystemDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
