import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token shown once (refresh, reset, invitation): 256 bits, URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token. Its 256 random bits make a fast hash sufficient. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const UNAMBIGUOUS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code a person types: from an alphabet without look-alikes (no 0/O, 1/I/L), unbiased. */
export function newHumanCode(length: number): string {
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 8 * 31: bytes above it would favour the first letters.
      if (byte < 248 && code.length < length) code += UNAMBIGUOUS[byte % UNAMBIGUOUS.length];
    }
  }
  return code;
}
