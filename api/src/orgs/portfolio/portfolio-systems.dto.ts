import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { booleanFlag, OrgFilterQueryDto } from './portfolio-query.js';
import { PortfolioOrgRefDto } from './portfolio-users.dto.js';

export const PORTFOLIO_SYSTEM_SORTS = ['hostname', 'lastContactAt'] as const;
export type PortfolioSystemSort = (typeof PORTFOLIO_SYSTEM_SORTS)[number];
export const OS_FAMILIES = ['windows', 'macos', 'linux', 'other'] as const;

export class PortfolioSystemQueryDto extends OrgFilterQueryDto {
  @ApiPropertyOptional({ enum: PORTFOLIO_SYSTEM_SORTS, default: 'hostname' })
  @IsOptional() @IsIn(PORTFOLIO_SYSTEM_SORTS)
  sort?: PortfolioSystemSort;

  @ApiPropertyOptional({ enum: OS_FAMILIES })
  @IsOptional() @IsIn(OS_FAMILIES)
  osFamily?: (typeof OS_FAMILIES)[number];

  @ApiPropertyOptional({ description: 'true: only active systems; false: only inactive ones' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  active?: boolean;
}

export class PortfolioSystemDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: PortfolioOrgRefDto }) org: PortfolioOrgRefDto;
  @ApiProperty() hostname: string;
  @ApiProperty({ enum: OS_FAMILIES }) osFamily: (typeof OS_FAMILIES)[number];
  @ApiProperty() osVersion: string;
  @ApiProperty() agentVersion: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastContactAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PortfolioSystemPageDto {
  @ApiProperty({ type: [PortfolioSystemDto] }) items: PortfolioSystemDto[];
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
