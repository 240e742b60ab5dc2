import { BaseEntity, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrgStatus = 'active' | 'suspended';

/** Extends BaseEntity only so that the back-office's AdminJS adapter can read it. */
@Entity({ name: 'organizations' })
export class Organization extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The OrgID: 24 lowercase hex characters. */
  @Column({ type: 'text' })
  publicId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'active' })
  status: OrgStatus;

  @Column({ type: 'integer', nullable: true })
  userCap: number | null;

  @Column({ type: 'integer', nullable: true })
  passwordExpiryDays: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
