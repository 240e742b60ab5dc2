import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { booleanFlag, OrgFilterQueryDto } from './portfolio-query.js';

/** An org as a cross-org row names it. */
export class PortfolioOrgRefDto {
  @ApiProperty({ description: 'The public 24-hex OrgID' }) orgId: string;
  @ApiProperty() name: string;
}

export const PORTFOLIO_USER_SORTS = ['username', 'createdAt', 'lastLoginAt', 'lockedOutAt', 'passwordExpiresAt'] as const;
export type PortfolioUserSort = (typeof PORTFOLIO_USER_SORTS)[number];

export class PortfolioUserQueryDto extends OrgFilterQueryDto {
  @ApiPropertyOptional({ enum: PORTFOLIO_USER_SORTS, default: 'username', description: '`lockedOutAt` lists locked-out users only; `passwordExpiresAt` only users whose password expires' })
  @IsOptional() @IsIn(PORTFOLIO_USER_SORTS)
  sort?: PortfolioUserSort;

  @ApiPropertyOptional({ enum: ['staged', 'active', 'suspended'] })
  @IsOptional() @IsIn(['staged', 'active', 'suspended'])
  state?: 'staged' | 'active' | 'suspended';

  @ApiPropertyOptional({ description: 'true: only users with MFA; false: only users without' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  mfa?: boolean;

  @ApiPropertyOptional({ description: 'true: only locked-out users; false: only the others' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'Only passwords expired already or expiring within this many days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365)
  passwordExpiresWithinDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Only users created within this many days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365)
  createdWithinDays?: number;
}

export class PortfolioUserDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: PortfolioOrgRefDto }) org: PortfolioOrgRefDto;
  @ApiProperty() username: string;
  @ApiProperty() email: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ enum: ['staged', 'active', 'suspended'] }) state: 'staged' | 'active' | 'suspended';
  @ApiProperty() mfaEnrolled: boolean;
  @ApiProperty() lockedOut: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedOutAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passwordExpiresAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
}

export class PortfolioUserPageDto {
  @ApiProperty({ type: [PortfolioUserDto] }) items: PortfolioUserDto[];
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}

export const BULK_USER_ACTIONS = ['unlock', 'suspend'] as const;
export type BulkUserAction = (typeof BULK_USER_ACTIONS)[number];

export class BulkUsersDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 100, description: 'Directory user ids from the cross-org lists' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'Each user id is a UUID' })
  userIds: string[];
}

export class BulkUserResultDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: PortfolioOrgRefDto, nullable: true, description: 'null when the user is not in your reach' }) org: PortfolioOrgRefDto | null;
  @ApiProperty({ enum: ['done', 'unchanged', 'not_found', 'failed'], description: '`unchanged`: nothing to do (not locked, already suspended)' })
  outcome: 'done' | 'unchanged' | 'not_found' | 'failed';
  @ApiPropertyOptional() username?: string;
}

export class BulkUsersResultDto {
  @ApiProperty({ enum: BULK_USER_ACTIONS }) action: BulkUserAction;
  @ApiProperty({ type: [BulkUserResultDto], description: 'One result per requested id, in the order given' }) results: BulkUserResultDto[];
}
