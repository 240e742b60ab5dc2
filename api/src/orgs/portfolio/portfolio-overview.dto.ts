import { ApiProperty } from '@nestjs/swagger';

export class PortfolioUserTotalsDto {
  @ApiProperty() total: number;
  @ApiProperty() active: number;
  @ApiProperty() suspended: number;
  @ApiProperty() staged: number;
  @ApiProperty({ description: 'Active users with MFA' }) activeWithMfa: number;
  @ApiProperty({ description: 'Users locked out now' }) lockedOut: number;
  @ApiProperty({ description: 'Passwords already expired' }) passwordsExpired: number;
  @ApiProperty({ description: 'Passwords that expire within the next 14 days' }) passwordsExpiringIn14Days: number;
  @ApiProperty({ description: 'Users created in the last 7 days' }) newInLast7Days: number;
}

export class PortfolioTotalsDto {
  @ApiProperty({ description: 'Orgs in your reach' }) orgs: number;
  @ApiProperty({ type: PortfolioUserTotalsDto }) users: PortfolioUserTotalsDto;
  @ApiProperty() systemsTotal: number;
  @ApiProperty() systemsActive: number;
  @ApiProperty({ description: 'Admin seats: each org’s own admins, summed over the orgs' }) admins: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent of active users with MFA across the orgs, one decimal' }) mfaCoveragePercent: number | null;
}

export class OrgUsersBarDto {
  @ApiProperty() orgId: string;
  @ApiProperty() name: string;
  @ApiProperty() users: number;
}

export class MfaCoverageBandDto {
  @ApiProperty({ enum: ['none', 'below50', '50to79', '80to94', '95to99', 'full'], description: '`none`: orgs without active users' })
  band: 'none' | 'below50' | '50to79' | '80to94' | '95to99' | 'full';
  @ApiProperty() orgs: number;
}

export class SystemsByOsDto {
  @ApiProperty() windows: number;
  @ApiProperty() macos: number;
  @ApiProperty() linux: number;
  @ApiProperty() other: number;
}

export class PortfolioOverviewDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When these figures were read' }) asOf: Date;
  @ApiProperty({ type: PortfolioTotalsDto }) totals: PortfolioTotalsDto;
  @ApiProperty({ type: [OrgUsersBarDto], description: 'The 20 orgs with the most users, largest first' }) largestOrgs: OrgUsersBarDto[];
  @ApiProperty({ type: [MfaCoverageBandDto], description: 'How many orgs fall in each MFA coverage band' }) mfaCoverageBands: MfaCoverageBandDto[];
  @ApiProperty({ type: SystemsByOsDto }) systemsByOs: SystemsByOsDto;
}
