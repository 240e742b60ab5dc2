import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.provider.js';
import { hashToken, newHumanCode } from '../crypto/opaque-tokens.js';
import { SecretBox } from '../crypto/secret-box.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { matchingTotpStep, newTotpSecret, otpauthUrl } from './totp.js';
import { TotpFactor, type PrincipalType } from './totp-factor.entity.js';

export interface MfaPrincipal {
  type: PrincipalType;
  id: string;
}

export interface EnrollmentSecret {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code, an SVG data URL the page can show as an image. */
  qrCodeDataUrl: string;
}

export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes are typed by people: compare them without case, spaces or dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * TOTP factors and recovery codes of administrators and staff. Each TOTP code is accepted once:
 * the last accepted step is stored, and moved forward only by an update that requires it to grow.
 */
@Injectable()
export class MfaService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.secrets.encryptionKey);
  }

  async isEnrolled(principal: MfaPrincipal, manager = this.dataSource.manager): Promise<boolean> {
    return (await manager.countBy(TotpFactor, { principalType: principal.type, principalId: principal.id, confirmedAt: Not(IsNull()) })) > 0;
  }

  /** A fresh secret for an enrollment in progress; a confirmed factor is never replaced this way. */
  async startEnrollment(principal: MfaPrincipal, accountName: string): Promise<EnrollmentSecret> {
    if (await this.isEnrolled(principal)) throw new DomainError('mfa.already_enrolled', 409, 'MFA is already set up for this account');
    const secret = newTotpSecret();
    await this.dataSource.manager.upsert(
      TotpFactor,
      { principalType: principal.type, principalId: principal.id, secretCiphertext: this.box.seal(secret), confirmedAt: null, lastStep: '0' },
      ['principalType', 'principalId'],
    );
    const url = otpauthUrl(secret, accountName);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { secret, otpauthUrl: url, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** Confirms the enrollment with a first code; returns the recovery codes, shown once. */
  async confirmEnrollment(manager: EntityManager, principal: MfaPrincipal, code: string): Promise<string[]> {
    const factor = await manager.findOneBy(TotpFactor, { principalType: principal.type, principalId: principal.id, confirmedAt: IsNull() });
    if (!factor || !(await this.acceptCode(manager, factor, code))) return [];
    await manager.update(TotpFactor, { principalType: principal.type, principalId: principal.id }, { confirmedAt: this.clock.now() });
    return this.replaceRecoveryCodes(manager, principal);
  }

  /** Whether `code` is a valid, not yet used TOTP code of the principal's confirmed factor. */
  async verifyCode(principal: MfaPrincipal, code: string, manager = this.dataSource.manager): Promise<boolean> {
    const factor = await manager.findOne(TotpFactor, {
      where: { principalType: principal.type, principalId: principal.id, confirmedAt: Not(IsNull()) },
    });
    return factor ? this.acceptCode(manager, factor, code) : false;
  }

  /** Uses up a recovery code; false when it is unknown or already used. */
  async useRecoveryCode(principal: MfaPrincipal, code: string, manager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: this.clock.now() })
      .where('principal_type = :type AND principal_id = :id AND code_hash = :hash AND used_at IS NULL', {
        type: principal.type,
        id: principal.id,
        hash: hashToken(normalizeRecoveryCode(code)),
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async remainingRecoveryCodes(principal: MfaPrincipal): Promise<number> {
    return this.dataSource.manager.countBy(RecoveryCode, { principalType: principal.type, principalId: principal.id, usedAt: IsNull() });
  }

  /** New recovery codes; the old ones stop working. */
  async replaceRecoveryCodes(manager: EntityManager, principal: MfaPrincipal): Promise<string[]> {
    await manager.delete(RecoveryCode, { principalType: principal.type, principalId: principal.id });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newHumanCode(10));
    await manager.insert(
      RecoveryCode,
      codes.map((code) => ({ principalType: principal.type, principalId: principal.id, codeHash: hashToken(code) })),
    );
    return codes.map((code) => `${code.slice(0, 5)}-${code.slice(5)}`);
  }

  /** Removes the factor and the recovery codes: the principal enrolls again at the next sign-in. */
  async reset(manager: EntityManager, principal: MfaPrincipal): Promise<void> {
    await manager.delete(TotpFactor, { principalType: principal.type, principalId: principal.id });
    await manager.delete(RecoveryCode, { principalType: principal.type, principalId: principal.id });
  }

  private async acceptCode(manager: EntityManager, factor: TotpFactor, code: string): Promise<boolean> {
    const step = matchingTotpStep(this.box.open(factor.secretCiphertext), code, this.clock.now());
    if (step === null) return false;
    // Two requests with the same code race here: the condition lets exactly one of them through.
    const result = await manager
      .createQueryBuilder()
      .update(TotpFactor)
      .set({ lastStep: String(step) })
      .where('principal_type = :type AND principal_id = :id AND last_step < :step', { type: factor.principalType, id: factor.principalId, step })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
