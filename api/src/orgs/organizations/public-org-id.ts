import { randomBytes } from 'node:crypto';

const PUBLIC_ORG_ID = /^[0-9a-f]{24}$/;

/** A new OrgID: 96 random bits as 24 lowercase hex characters, as the platform's users know them. */
export function newPublicOrgId(): string {
  return randomBytes(12).toString('hex');
}

export function isPublicOrgId(value: string): boolean {
  return PUBLIC_ORG_ID.test(value);
}
