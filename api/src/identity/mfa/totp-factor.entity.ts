import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type PrincipalType = 'administrator' | 'staff';

@Entity({ name: 'totp_factors' })
export class TotpFactor {
  @PrimaryColumn({ type: 'text' })
  principalType: PrincipalType;

  @PrimaryColumn({ type: 'uuid' })
  principalId: string;

  @Column({ type: 'bytea' })
  secretCiphertext: Buffer;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'bigint', default: 0 })
  lastStep: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
