import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so that nothing read aloud or typed is ambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** 8 symbols of 5 bits: 40 bits from the CSPRNG, unbiased (32 divides 256). */
export function newVerificationCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((byte) => CROCKFORD[byte % 32]).join('');
}

/** What a person typed, as the code it means: any case, spaces and dashes ignored, O/I/L read as 0/1/1. */
export function normalizeVerificationCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
