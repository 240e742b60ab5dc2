import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { booleanFlag, KeysetQueryDto, lowerTrimmed } from './portfolio-query.js';

export const PORTFOLIO_ORG_SORTS = ['name', 'users', 'systems', 'admins', 'mfaCoverage', 'lockedOut', 'lastActivity'] as const;
export type PortfolioOrgSort = (typeof PORTFOLIO_ORG_SORTS)[number];

/** The search, filters and order of the org table: what both its pages and its CSV export take. */
export class PortfolioOrgFilterDto {
  @ApiPropertyOptional({ enum: PORTFOLIO_ORG_SORTS, default: 'name' })
  @IsOptional() @IsIn(PORTFOLIO_ORG_SORTS)
  sort?: PortfolioOrgSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ description: 'Part of the name, or a whole OrgID' })
  @IsOptional() @Transform(lowerTrimmed) @IsString() @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ['active', 'suspended'] })
  @IsOptional() @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Only orgs whose MFA coverage is below this percent (orgs without active users are left out)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  mfaBelow?: number;

  @ApiPropertyOptional({ description: 'true: only orgs with locked-out users; false: only orgs without' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  hasLockouts?: boolean;
}

export class PortfolioOrgQueryDto extends IntersectionType(PortfolioOrgFilterDto, KeysetQueryDto) {}

export class PartnerOrgDto {
  @ApiProperty({ description: 'The public 24-hex OrgID' }) orgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: 'active' | 'suspended';
  @ApiProperty() usersTotal: number;
  @ApiProperty() usersActive: number;
  @ApiProperty() usersSuspended: number;
  @ApiProperty() usersStaged: number;
  @ApiProperty() usersLockedOut: number;
  @ApiProperty() systemsTotal: number;
  @ApiProperty() systemsActive: number;
  @ApiProperty({ description: 'The org’s own admins' }) admins: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent of active users with MFA, one decimal; null without active users' }) mfaCoveragePercent: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest sign-in of any of its users' }) lastActivityAt: Date | null;
}

export class PartnerOrgPageDto {
  @ApiProperty({ type: [PartnerOrgDto] }) items: PartnerOrgDto[];
  @ApiProperty({ description: 'Orgs in your reach that match the search and filters' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}
