/** Percent of an org's users with MFA, to one decimal; null for an org without users (nothing to cover). */
export function mfaCoveragePercent(usersWithMfa: number, usersTotal: number): number | null {
  return usersTotal > 0 ? Math.round((1000 * usersWithMfa) / usersTotal) / 10 : null;
}
