// The SQL the API runs for a partner dashboard request, taken from the API itself rather than copied:
// the built PortfolioService and its repositories, over a recording data source on a plain pg pool.
// A request's statements, replayed on pg with the same parameters, are the database floor the API
// is compared with: they change whenever the repositories do.
import 'reflect-metadata';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/lib/workspace.mjs';

const fromApi = (path) => import(pathToFileURL(join(root, 'api/dist', path)).href);

/**
 * What the access guard asks PostgreSQL on every partner request before the route runs: is the
 * session active (AuthSessionsService.isActive), and the caller's partner and role
 * (PartnersService.membershipOf). Copied from those services; they sit behind Nest's DI and passport.
 */
export function guardStatements({ sessionId, administratorId }) {
  return [
    {
      sql: `SELECT 1 FROM auth_sessions s JOIN administrators a ON a.id = s.administrator_id
       WHERE s.id = $1 AND s.administrator_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND a.status = 'active'`,
      params: [sessionId, administratorId, new Date()],
    },
    {
      sql: `SELECT p.id AS partner_id, p.name AS partner_name, p.status AS partner_status, a.role, a.org_access, a.status AS admin_status
       FROM partner_admins a JOIN partners p ON p.id = a.partner_id WHERE a.administrator_id = $1`,
      params: [administratorId],
    },
  ];
}

/** The API's connection pool size: the floor queues on as many connections as the API does. */
export async function apiPoolSize() {
  return (await fromApi('database/database.module.js')).DATABASE_POOL_SIZE;
}

/** The API's portfolio service on `pool`; `record(call)` answers the call's result and the statements it sent, in order. */
export async function portfolioService(pool) {
  const [{ PortfolioService }, { PortfolioOverviewRepository }, { PortfolioOrgsRepository }, { PortfolioUsersRepository }, { PortfolioSystemsRepository }] = await Promise.all([
    fromApi('orgs/portfolio/portfolio.service.js'),
    fromApi('orgs/portfolio/portfolio-overview.repository.js'),
    fromApi('orgs/portfolio/portfolio-orgs.repository.js'),
    fromApi('orgs/portfolio/portfolio-users.repository.js'),
    fromApi('orgs/portfolio/portfolio-systems.repository.js'),
  ]);
  let recording = null;
  const dataSource = {
    async query(sql, params = []) {
      recording?.push({ sql, params });
      return (await pool.query(sql, params)).rows;
    },
  };
  const clock = { now: () => new Date() };
  // The dashboard reads need only the repositories and the clock; the other services serve writes.
  const service = new PortfolioService(
    new PortfolioOverviewRepository(dataSource), new PortfolioOrgsRepository(dataSource), new PortfolioUsersRepository(dataSource),
    new PortfolioSystemsRepository(dataSource), null, null, null, clock,
  );
  return {
    async record(call) {
      recording = [];
      try {
        return { result: await call(service), statements: recording };
      } finally {
        recording = null;
      }
    },
  };
}

/** Sends a request's statements again: all at once when the service sends them together, else one after another. */
export async function replay(pool, statements, together) {
  if (together) {
    await Promise.all(statements.map(({ sql, params }) => pool.query(sql, params)));
    return;
  }
  for (const { sql, params } of statements) await pool.query(sql, params);
}
