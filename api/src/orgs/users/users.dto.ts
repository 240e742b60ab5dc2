import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import type { DirectoryUserState } from './directory-user.entity.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const USER_SORTS = ['username', 'email', 'lastName', 'state', 'createdAt', 'lastLoginAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: USER_SORTS, default: 'username' })
  @IsOptional() @IsIn(USER_SORTS)
  sort?: UserSort;

  @ApiPropertyOptional({ description: 'Part of a username, email, first or last name' })
  @IsOptional() @Transform(lowerTrimmed) @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ['staged', 'active', 'suspended'] })
  @IsOptional() @IsIn(['staged', 'active', 'suspended'])
  state?: DirectoryUserState;

  @ApiPropertyOptional({ description: 'true: only users with MFA; false: only users without' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  mfa?: boolean;

  @ApiPropertyOptional({ description: 'true: only locked-out users' })
  @IsOptional() @Transform(booleanFlag) @IsBoolean()
  locked?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'jane.doe', description: 'Unique in the org: lowercase letters, digits, dot, dash, underscore' })
  @Transform(lowerTrimmed) @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'username must start with a letter or digit and use only a-z, 0-9, dot, dash and underscore (at most 64)' })
  username: string;

  @ApiProperty({ example: 'jane.doe@acme.example' })
  @Transform(lowerTrimmed) @IsEmail({}, { message: 'Enter a valid email address' }) @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: 'Jane' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Doe' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ enum: ['staged', 'active'], default: 'active', description: 'staged: created but not yet able to sign in' })
  @IsOptional() @IsIn(['staged', 'active'])
  state?: 'staged' | 'active';
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional() @Transform(lowerTrimmed) @IsEmail({}, { message: 'Enter a valid email address' }) @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(100)
  lastName?: string;
}

export class DirectoryUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() email: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ enum: ['staged', 'active', 'suspended'] }) state: DirectoryUserState;
  @ApiProperty() mfaEnrolled: boolean;
  @ApiProperty() lockedOut: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passwordExpiresAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
}

export class DirectoryUserPageDto {
  @ApiProperty({ type: [DirectoryUserDto] }) items: DirectoryUserDto[];
  @ApiProperty({ description: 'Users matching the filters, all pages' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
