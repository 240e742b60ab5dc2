import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REQUEST_KINDS = ['detach', 'training', 'general'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['open', 'in_progress', 'resolved', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['resolved', 'rejected', 'cancelled'];

/** What each kind asks for, as stored in `details`. */
export interface DetachDetails {
  reason: string;
  effectiveDate: string | null;
}
export interface TrainingDetails {
  topic: string;
  preferredDates: string[];
  attendees: number;
  notes: string | null;
}
export interface GeneralDetails {
  message: string;
}
export type RequestDetails = DetachDetails | TrainingDetails | GeneralDetails;

/** A partner's request to platform staff. */
@Entity({ name: 'support_requests' })
export class SupportRequest extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  number: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  kind: RequestKind;

  @Column({ type: 'text', default: 'open' })
  status: RequestStatus;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  orgId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'text' })
  createdByLabel: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;
}
