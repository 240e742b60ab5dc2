import type { RateLimit } from '../rate-limit/rate-limiter.js';

/** At most 100 wrong passwords an hour per account, and 300 per client address. */
export const PASSWORD_FAILURES_PER_ACCOUNT: RateLimit = { name: 'password-account', limit: 100, windowSeconds: 3600 };
export const PASSWORD_FAILURES_PER_IP: RateLimit = { name: 'password-ip', limit: 300, windowSeconds: 3600 };
/** Five wrong MFA codes lock MFA for 15 minutes; a client address gets 50. */
export const MFA_FAILURES_PER_ACCOUNT: RateLimit = { name: 'mfa-account', limit: 5, windowSeconds: 900 };
export const MFA_FAILURES_PER_IP: RateLimit = { name: 'mfa-ip', limit: 50, windowSeconds: 900 };
/** Password reset requests: 5 an hour per email and 20 per address, so the mailbox cannot be flooded. */
export const RESET_REQUESTS_PER_EMAIL: RateLimit = { name: 'reset-email', limit: 5, windowSeconds: 3600 };
export const RESET_REQUESTS_PER_IP: RateLimit = { name: 'reset-ip', limit: 20, windowSeconds: 3600 };
