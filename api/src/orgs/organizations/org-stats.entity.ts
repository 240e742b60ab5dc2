import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Kept by database triggers in the same transaction as every change; never written by code. */
@Entity({ name: 'org_stats' })
export class OrgStats {
  @PrimaryColumn({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'integer' }) usersTotal: number;
  @Column({ type: 'integer' }) usersActive: number;
  @Column({ type: 'integer' }) usersSuspended: number;
  @Column({ type: 'integer' }) usersStaged: number;
  @Column({ type: 'integer' }) usersMfa: number;
  @Column({ type: 'integer' }) usersActiveMfa: number;
  @Column({ type: 'integer' }) usersLocked: number;
  @Column({ type: 'integer' }) systemsTotal: number;
  @Column({ type: 'integer' }) systemsActive: number;
  @Column({ type: 'integer' }) admins: number;
  @Column({ type: 'integer' }) systemsWindows: number;
  @Column({ type: 'integer' }) systemsMacos: number;
  @Column({ type: 'integer' }) systemsLinux: number;
  @Column({ type: 'integer' }) systemsOther: number;
  @Column({ type: 'timestamptz', nullable: true }) lastActivityAt: Date | null;
  /** The partner that manages the org, copied from its association (null when none). */
  @Column({ type: 'uuid', nullable: true }) partnerId: string | null;
  @Column({ type: 'text' }) publicId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) status: string;
  // Sort keys the database computes; read only in queries.
  @Column({ type: 'text', insert: false, update: false, select: false, nullable: true }) nameKey: string;
  @Column({ type: 'integer', insert: false, update: false, select: false, nullable: true }) mfaPermille: number;
  @Column({ type: 'timestamptz', insert: false, update: false, select: false, nullable: true }) activityKey: Date;
}
