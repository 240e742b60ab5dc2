import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VerificationStatus = 'pending' | 'verified' | 'declined' | 'cancelled' | 'void';
export type UndeliverableReason = 'org_not_found' | 'not_an_admin' | 'already_associated' | 'associated_elsewhere';

/** A partner's request to verify an org through one of its admins' email. Extends BaseEntity for the back-office. */
@Entity({ name: 'verification_requests' })
export class VerificationRequest extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  enteredOrgId: string;

  @Column({ type: 'text' })
  recipientEmail: string;

  @Column({ type: 'uuid', nullable: true })
  orgId: string | null;

  /** False when no code was sent: the partner is never told, staff are (undeliverableReason). */
  @Column({ type: 'boolean' })
  deliverable: boolean;

  @Column({ type: 'text', nullable: true })
  undeliverableReason: UndeliverableReason | null;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'text' })
  requestedByLabel: string;

  @Column({ type: 'bytea', select: false })
  codeHash: Buffer;

  @Column({ type: 'bytea', select: false })
  linkTokenHash: Buffer;

  @Column({ type: 'text', default: 'pending' })
  status: VerificationStatus;

  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSentAt: Date;

  @Column({ type: 'integer', default: 1 })
  sentCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  completedVia: 'code' | 'link' | null;

  /** What the partner sees: a pending request past its time reads as expired. */
  visibleStatus(now: Date): VerificationStatus | 'expired' {
    return this.status === 'pending' && this.expiresAt.getTime() <= now.getTime() ? 'expired' : this.status;
  }
}
