import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestStatus } from './support-request.entity.js';

export type RequestEventKind = 'filed' | 'status' | 'comment';

/** One step of a request's timeline: filed, a status change (with an optional comment), or a comment. */
@Entity({ name: 'support_request_events' })
export class SupportRequestEvent extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  actorType: 'administrator' | 'staff' | 'system';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorLabel: string | null;

  @Column({ type: 'text' })
  kind: RequestEventKind;

  @Column({ type: 'text', nullable: true })
  status: RequestStatus | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
