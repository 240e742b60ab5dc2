import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnerKind } from '../partner.entity.js';

export type ApplicationKind = 'partner' | 'evaluation';
export type ApplicationStatus = 'new' | 'approved' | 'rejected';

/** A "become a partner" or "request an evaluation" form, waiting for staff. */
@Entity({ name: 'partner_applications' })
export class PartnerApplication extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ApplicationKind;

  @Column({ type: 'text' })
  company: string;

  @Column({ type: 'text' })
  contactName: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'integer', nullable: true })
  customerCount: number | null;

  @Column({ type: 'text', default: 'msp' })
  partnerKind: PartnerKind;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'text', default: 'new' })
  status: ApplicationStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  handledBy: string | null;

  @Column({ type: 'text', nullable: true })
  handledNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;
}
