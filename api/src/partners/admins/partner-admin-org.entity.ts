import { Entity, PrimaryColumn } from 'typeorm';

/** One org listed in the access of an admin whose access is `selected`. */
@Entity({ name: 'partner_admin_orgs' })
export class PartnerAdminOrg {
  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @PrimaryColumn({ type: 'uuid' })
  administratorId: string;

  @PrimaryColumn({ type: 'uuid' })
  orgId: string;
}
