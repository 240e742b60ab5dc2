import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import type { AssociationSource } from '../associations/partner-association.entity.js';

export class PartnerOrgQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, or a whole OrgID' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class PartnerOrgDto {
  @ApiProperty({ description: 'The public 24-hex OrgID' }) orgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: 'active' | 'suspended';
  @ApiProperty({ type: String, format: 'date-time' }) associatedSince: Date;
  @ApiProperty({ enum: ['created', 'verified', 'staff'] }) associationSource: AssociationSource;
  @ApiProperty() usersTotal: number;
  @ApiProperty() usersActive: number;
  @ApiProperty() usersLockedOut: number;
  @ApiProperty() systemsTotal: number;
  @ApiProperty() admins: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent of users with MFA, one decimal; null without users' }) mfaCoveragePercent: number | null;
}

export class PartnerOrgPageDto {
  @ApiProperty({ type: [PartnerOrgDto] }) items: PartnerOrgDto[];
  @ApiProperty({ description: 'Orgs in your reach that match' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
