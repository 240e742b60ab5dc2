import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorKind } from '../associations/partner-association.entity.js';
import type { OrgAccessKind, PartnerRole } from '../partner-roles.js';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

/** An invitation to become an admin of a partner; its token lives only in the emailed link. */
@Entity({ name: 'partner_invitations' })
export class PartnerInvitation extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: PartnerRole;

  @Column({ type: 'text', default: 'all' })
  orgAccess: OrgAccessKind;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  orgIds: string[];

  @Column({ type: 'bytea', select: false })
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSentAt: Date;

  @Column({ type: 'integer', default: 1 })
  sentCount: number;

  @Column({ type: 'text' })
  invitedByType: ActorKind;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ type: 'text', nullable: true })
  invitedByLabel: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  statusAt(now: Date): InvitationStatus {
    if (this.acceptedAt) return 'accepted';
    if (this.revokedAt) return 'revoked';
    return this.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
  }
}
