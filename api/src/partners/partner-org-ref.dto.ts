import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { ORG_ACCESS_KINDS, PARTNER_ROLES, type OrgAccessKind, type PartnerRole } from './partner-roles.js';

/** An org as a partner admin sees it named: public OrgID and name. */
export class PartnerOrgRefDto {
  @ApiProperty({ description: 'The public 24-hex OrgID' }) orgId: string;
  @ApiProperty() name: string;
}

/** Role and org access, as chosen when inviting an admin or changing one. */
export class RoleAndAccessDto {
  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES, { message: `role is one of ${PARTNER_ROLES.join(', ')}` })
  role: PartnerRole;

  @ApiProperty({ enum: ORG_ACCESS_KINDS, description: '`all` orgs of the partner, or only `selected` ones (owners always reach all)' })
  @IsIn(ORG_ACCESS_KINDS, { message: 'orgAccess is all or selected' })
  orgAccess: OrgAccessKind;

  @ApiProperty({ type: [String], required: false, description: 'Public OrgIDs of the partner’s orgs, with `selected` access' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(/^[0-9a-f]{24}$/, { each: true, message: 'each orgId is a 24-hex OrgID' })
  orgIds?: string[];
}
