import speakeasy from 'speakeasy';
import { setTimeout as delay } from 'node:timers/promises';

const STEP_SECONDS = 30;
// Past the step boundary by a little, so the code computed is of the new step.
const STEP_MARGIN_MS = 250;

/** The last step each secret's code was used at, in this test process. */
const lastStepBySecret = new Map<string, number>();

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

/** How long until `step` has begun; 0 when it has. */
export function millisecondsUntilStep(step: number, now = Date.now()): number {
  return Math.max(0, step * STEP_SECONDS * 1000 + STEP_MARGIN_MS - now);
}

/**
 * A code the portal has not accepted yet for this secret. The portal accepts each step's code once
 * and then only later steps, as an authenticator app's next code: when this secret was used in the
 * current step, wait for the next one instead of reusing it.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const last = lastStepBySecret.get(secret);
  if (last !== undefined && currentStep() <= last) {
    await delay(millisecondsUntilStep(last + 1));
  }
  const step = currentStep();
  lastStepBySecret.set(secret, step);
  return speakeasy.totp({ secret, encoding: 'base32', time: step * STEP_SECONDS });
}

/** A six-digit code that is none of the codes the portal would accept around now. */
export function wrongTotpCode(secret: string): string {
  const step = currentStep();
  const valid = new Set([-1, 0, 1].map((offset) => speakeasy.totp({ secret, encoding: 'base32', time: (step + offset) * STEP_SECONDS })));
  let candidate = 0;
  while (valid.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}
