import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/http/page-query.dto.js';

export const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const lowerTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Keyset paging as every cross-org table uses it: a cursor from the previous page, at most 100 rows. */
export class KeysetQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, with the same sort and filters' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;

}

/** A public OrgID given as a filter. */
export class OrgFilterQueryDto extends KeysetQueryDto {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ description: 'Only this org (its OrgID)' })
  @IsOptional() @Transform(lowerTrimmed) @IsString() @MaxLength(24)
  orgId?: string;
}

/** A page of a keyset-paged list: the rows and where the next page starts (null on the last). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}
