import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OsFamily = 'windows' | 'macos' | 'linux' | 'other';

/** A device of an org, reporting through the platform's agent. */
@Entity({ name: 'systems' })
export class System {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'text' })
  hostname: string;

  @Column({ type: 'text' })
  osFamily: OsFamily;

  @Column({ type: 'text', default: '' })
  osVersion: string;

  @Column({ type: 'text', default: '' })
  agentVersion: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastContactAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The partner managing the org, copied by the database from the org (for the partner's cross-org views); never written. */
  @Column({ type: 'uuid', insert: false, update: false, select: false, nullable: true })
  partnerId: string | null;
}
