import { randomBytes } from 'node:crypto';
import speakeasy from 'speakeasy';

export const TOTP_STEP_SECONDS = 30;
const SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps expect it. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/** A new TOTP secret from the CSPRNG (speakeasy's own generator draws from a biased alphabet). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/**
 * The time step whose code matches, within one step either side of `at`, or null. speakeasy's
 * pitfalls are closed here: an empty or missing secret never verifies (it would accept forged
 * codes), the encoding is always base32, and only six digits are ever compared.
 */
export function matchingTotpStep(secret: string | null | undefined, code: string, at: Date): number | null {
  if (!secret || !/^[A-Z2-7]{16,}$/.test(secret) || !/^\d{6}$/.test(code)) return null;
  const time = Math.floor(at.getTime() / 1000);
  const match = speakeasy.totp.verifyDelta({ secret, encoding: 'base32', token: code, window: 1, time, step: TOTP_STEP_SECONDS });
  return match ? totpStep(at) + match.delta : null;
}

/** The code for a time: used by tests and by the seed's printed instructions, never to verify. */
export function totpCodeAt(secret: string, at: Date): string {
  return speakeasy.totp({ secret, encoding: 'base32', time: Math.floor(at.getTime() / 1000), step: TOTP_STEP_SECONDS });
}

export function otpauthUrl(secret: string, accountName: string, issuer = 'MTP'): string {
  const label = encodeURIComponent(`${issuer}:${accountName}`);
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
