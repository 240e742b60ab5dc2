import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PartnerKind = 'msp' | 'enterprise';
export type PartnerStatus = 'active' | 'suspended';

/** An MSP, or an enterprise managing its own sub-orgs. Extends BaseEntity for the back-office. */
@Entity({ name: 'partners' })
export class Partner extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: PartnerKind;

  @Column({ type: 'text', default: 'active' })
  status: PartnerStatus;

  @Column({ type: 'boolean', default: false })
  launchReasonRequired: boolean;

  @Column({ type: 'integer', default: 60 })
  launchSessionMinutes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  statusReason: string | null;
}
