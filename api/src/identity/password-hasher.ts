import argon2 from 'argon2';

/** OWASP's argon2id parameters: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A hash of nothing anyone knows: verifying against it costs what a real verify costs. */
let decoyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash, or against a decoy when there is none, so that an
 * unknown account answers in the same time as a wrong password.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  const hash = storedHash ?? (await decoyHash);
  try {
    return (await argon2.verify(hash, password)) && storedHash != null;
  } catch {
    return false;
  }
}
