import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mfaCoveragePercent } from '../organizations/org-figures.js';
import type { MfaCoverageBandDto, OrgUsersBarDto, PortfolioOverviewDto } from './portfolio-overview.dto.js';
import { SqlConditions, type PortfolioScope } from './portfolio-scope.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The bands of the MFA chart, as permille ranges of org_stats.mfa_permille (-1: no active users). */
const BANDS: [MfaCoverageBandDto['band'], number, number][] = [
  ['none', -1, -1],
  ['below50', 0, 499],
  ['50to79', 500, 799],
  ['80to94', 800, 949],
  ['95to99', 950, 999],
  ['full', 1000, 1000],
];

/**
 * The home page's figures. Everything org-level is a sum over the partner's org_stats rows (one per
 * org); only the time windows (expiring passwords, new users) count users, through partial indexes
 * that start with the partner.
 */
@Injectable()
export class PortfolioOverviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(scope: PortfolioScope, now: Date): Promise<PortfolioOverviewDto> {
    const [sums, largestOrgs, windows] = await Promise.all([this.sums(scope), this.largestOrgs(scope), this.windows(scope, now)]);
    return {
      asOf: now,
      totals: {
        orgs: sums.orgs,
        users: {
          total: sums.users_total,
          active: sums.users_active,
          suspended: sums.users_suspended,
          staged: sums.users_staged,
          activeWithMfa: sums.users_active_mfa,
          lockedOut: sums.users_locked,
          passwordsExpired: windows.expired,
          passwordsExpiringIn14Days: windows.expiring,
          newInLast7Days: windows.created,
        },
        systemsTotal: sums.systems_total,
        systemsActive: sums.systems_active,
        admins: sums.admins,
        mfaCoveragePercent: mfaCoveragePercent(sums.users_active_mfa, sums.users_active),
      },
      largestOrgs,
      mfaCoverageBands: BANDS.map(([band]) => ({ band, orgs: sums[`band_${band}`] })),
      systemsByOs: { windows: sums.systems_windows, macos: sums.systems_macos, linux: sums.systems_linux, other: sums.systems_other },
    };
  }

  private async sums(scope: PortfolioScope): Promise<Record<string, number>> {
    const where = new SqlConditions(scope, 's');
    const summed = ['users_total', 'users_active', 'users_suspended', 'users_staged', 'users_active_mfa', 'users_locked', 'systems_total', 'systems_active', 'admins', 'systems_windows', 'systems_macos', 'systems_linux', 'systems_other'];
    const bands = BANDS.map(([band, low, high]) => `count(*) FILTER (WHERE s.mfa_permille BETWEEN ${low} AND ${high}) AS band_${band}`);
    const [row]: Record<string, string>[] = await this.dataSource.query(
      `SELECT count(*) AS orgs, ${summed.map((column) => `coalesce(sum(s.${column}), 0) AS ${column}`).join(', ')}, ${bands.join(', ')}
       FROM org_stats s WHERE ${where.sql}`,
      where.params,
    );
    // count and sum answer bigint/numeric, which pg hands over as strings.
    return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, Number(value)]));
  }

  private async largestOrgs(scope: PortfolioScope): Promise<OrgUsersBarDto[]> {
    const where = new SqlConditions(scope, 's');
    const rows: { public_id: string; name: string; users_total: number }[] = await this.dataSource.query(
      `SELECT s.public_id, s.name, s.users_total FROM org_stats s WHERE ${where.sql} ORDER BY s.users_total DESC, s.org_id DESC LIMIT 20`,
      where.params,
    );
    return rows.map((row) => ({ orgId: row.public_id, name: row.name, users: row.users_total }));
  }

  private windows(scope: PortfolioScope, now: Date): Promise<{ expired: number; expiring: number; created: number }> {
    return scope.orgIds ? this.countedWindows(scope, now) : this.summedWindows(scope.partnerId, now);
  }

  /**
   * The whole portfolio: sums of the hourly counts of partner_user_hours for the whole hours inside
   * each window, plus a count of the users in the partial hours at its edges (an hour's worth at most).
   */
  private async summedWindows(partnerId: string, now: Date): Promise<{ expired: number; expiring: number; created: number }> {
    const at = now.getTime();
    const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
    const thisHour = hourOf(at);
    const fortnight = at + 14 * DAY_MS;
    const weekAgo = at - 7 * DAY_MS;
    const marks = [thisHour, at, thisHour + HOUR_MS, hourOf(fortnight), fortnight, weekAgo, hourOf(weekAgo) + HOUR_MS].map((ms) => new Date(ms));
    // $2 this hour, $3 now, $4 next hour, $5 the hour the fortnight ends in, $6 its end, $7 a week ago, $8 the hour after.
    const [row]: Record<string, string>[] = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(sum(users), 0) FROM partner_user_hours WHERE partner_id = $1 AND kind = 'password_expiry' AND hour < $2)
         + (SELECT count(*) FROM directory_users u WHERE u.partner_id = $1 AND u.password_expires_at >= $2 AND u.password_expires_at < $3) AS expired,
         (SELECT count(*) FROM directory_users u WHERE u.partner_id = $1 AND u.password_expires_at >= $3 AND u.password_expires_at < $4)
         + (SELECT coalesce(sum(users), 0) FROM partner_user_hours WHERE partner_id = $1 AND kind = 'password_expiry' AND hour >= $4 AND hour < $5)
         + (SELECT count(*) FROM directory_users u WHERE u.partner_id = $1 AND u.password_expires_at >= greatest($5, $4) AND u.password_expires_at < $6) AS expiring,
         (SELECT count(*) FROM directory_users u WHERE u.partner_id = $1 AND u.created_at >= $7 AND u.created_at < $8)
         + (SELECT coalesce(sum(users), 0) FROM partner_user_hours WHERE partner_id = $1 AND kind = 'created' AND hour >= $8 AND hour < $2)
         + (SELECT count(*) FROM directory_users u WHERE u.partner_id = $1 AND u.created_at >= $2) AS created`,
      [partnerId, ...marks],
    );
    return { expired: Number(row.expired), expiring: Number(row.expiring), created: Number(row.created) };
  }

  /** A part of the portfolio (an admin limited to some orgs): counted through each org's own indexes. */
  private async countedWindows(scope: PortfolioScope, now: Date): Promise<{ expired: number; expiring: number; created: number }> {
    const where = new SqlConditions(scope, 'u');
    const at = where.param(now);
    const inFortnight = where.param(new Date(now.getTime() + 14 * DAY_MS));
    const weekAgo = where.param(new Date(now.getTime() - 7 * DAY_MS));
    const [row]: Record<string, string>[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM directory_users u WHERE ${where.sql} AND u.password_expires_at < ${at}) AS expired,
         (SELECT count(*) FROM directory_users u WHERE ${where.sql} AND u.password_expires_at >= ${at} AND u.password_expires_at < ${inFortnight}) AS expiring,
         (SELECT count(*) FROM directory_users u WHERE ${where.sql} AND u.created_at >= ${weekAgo}) AS created`,
      where.params,
    );
    return { expired: Number(row.expired), expiring: Number(row.expiring), created: Number(row.created) };
  }
}
