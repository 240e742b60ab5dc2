import type { RateLimit } from '../identity/rate-limit/rate-limiter.js';

/** A partner admin asks at most 5 times in 10 minutes (a bulk request counts once). */
export const VERIFICATIONS_PER_ADMIN: RateLimit = { name: 'verify-admin', limit: 5, windowSeconds: 600 };
/** An admin's mailbox gets at most 3 requests an hour, whoever asks. */
export const VERIFICATIONS_PER_RECIPIENT: RateLimit = { name: 'verify-recipient', limit: 3, windowSeconds: 3600 };
/** A code is valid for 30 minutes after it was (re)sent, and five wrong tries void it. */
export const VERIFICATION_VALID_MINUTES = 30;
export const VERIFICATION_MAX_FAILED_ATTEMPTS = 5;
