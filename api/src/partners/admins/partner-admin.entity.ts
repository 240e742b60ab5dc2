import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrgAccessKind, PartnerRole } from '../partner-roles.js';

export type PartnerAdminStatus = 'active' | 'suspended';

/** An administrator's membership of a partner: a role, and which of the partner's orgs it reaches. */
@Entity({ name: 'partner_admins' })
export class PartnerAdmin extends BaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @PrimaryColumn({ type: 'uuid' })
  administratorId: string;

  @Column({ type: 'text' })
  role: PartnerRole;

  @Column({ type: 'text', default: 'all' })
  orgAccess: OrgAccessKind;

  @Column({ type: 'text', default: 'active' })
  status: PartnerAdminStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;
}
