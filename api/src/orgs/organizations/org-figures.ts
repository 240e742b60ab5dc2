/**
 * Percent of an org's active users with MFA, to one decimal; null for an org without active users
 * (nothing to cover). Staged users cannot have enrolled yet and suspended ones cannot sign in, so
 * neither counts. org_stats.mfa_permille sorts by the same rounding.
 */
export function mfaCoveragePercent(activeUsersWithMfa: number, activeUsers: number): number | null {
  return activeUsers > 0 ? Math.round((1000 * activeUsersWithMfa) / activeUsers) / 10 : null;
}
