import { ApiProperty } from '@nestjs/swagger';
import { OrgActivityEventDto } from '../../orgs/organizations/org-activity.dto.js';
import { PartnerOrgDto } from '../../orgs/portfolio/portfolio-orgs.dto.js';

export class OrgAdminContactDto {
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}

export class PartnerAssociationDto {
  @ApiProperty({ type: String, format: 'date-time' }) since: Date;
  @ApiProperty({ enum: ['created', 'verified', 'staff'], description: 'created by your partner, verified through an admin’s email, or attached by platform staff' })
  source: 'created' | 'verified' | 'staff';
  @ApiProperty({ type: String, nullable: true, description: 'Who created, verified or attached it' }) by: string | null;
}

export class PartnerOrgDetailsDto {
  @ApiProperty({ type: PartnerOrgDto }) org: PartnerOrgDto;
  @ApiProperty({ type: [OrgAdminContactDto] }) admins: OrgAdminContactDto[];
  @ApiProperty({ type: PartnerAssociationDto }) association: PartnerAssociationDto;
  @ApiProperty({ type: [OrgActivityEventDto], description: 'The org’s latest 10 audit events' }) recentActivity: OrgActivityEventDto[];
}
