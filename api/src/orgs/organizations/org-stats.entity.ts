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
  @Column({ type: 'integer' }) usersLocked: number;
  @Column({ type: 'integer' }) systemsTotal: number;
  @Column({ type: 'integer' }) systemsActive: number;
  @Column({ type: 'integer' }) admins: number;
  @Column({ type: 'timestamptz', nullable: true }) lastActivityAt: Date | null;
}
