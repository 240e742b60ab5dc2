import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AssociationStatus = 'active' | 'detached';
/** How an org came into the portfolio: created by the partner, verified by email, or attached by staff. */
export type AssociationSource = 'created' | 'verified' | 'staff';
export type ActorKind = 'administrator' | 'staff' | 'system';

@Entity({ name: 'partner_associations' })
export class PartnerAssociation extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'text', default: 'active' })
  status: AssociationStatus;

  @Column({ type: 'text' })
  source: AssociationSource;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  since: Date;

  @Column({ type: 'text' })
  createdByType: ActorKind;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'text', nullable: true })
  createdByLabel: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  detachedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  detachedByType: ActorKind | null;

  @Column({ type: 'uuid', nullable: true })
  detachedById: string | null;

  @Column({ type: 'text', nullable: true })
  detachedByLabel: string | null;

  @Column({ type: 'text', nullable: true })
  detachedReason: string | null;
}
