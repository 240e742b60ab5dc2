import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { OrgAdmin } from '../admins/org-admin.entity.js';
import { mfaCoveragePercent } from './org-figures.js';
import { Organization } from './organization.entity.js';
import { isPublicOrgId } from './public-org-id.js';

const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** An org as other modules name it: internal id, public OrgID and name. */
export interface OrgRef {
  id: string;
  publicId: string;
  name: string;
}

/** An org with the figures a partner sees at a glance (read from org_stats, never recounted). */
export interface OrgSummary extends OrgRef {
  status: 'active' | 'suspended';
  usersTotal: number;
  usersActive: number;
  usersLockedOut: number;
  usersWithMfa: number;
  mfaCoveragePercent: number | null;
  systemsTotal: number;
  admins: number;
}

/**
 * How other modules (partners, verification) read orgs: always for a set of org ids they already
 * scoped to their caller, never across the platform.
 */
@Injectable()
export class OrgDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly administrators: AdministratorsService,
  ) {}

  /**
   * Whether the administrator with this email is one of the org's own admins: one query whether or
   * not the address has an account, so that the time taken does not tell.
   */
  async isAdminEmail(orgId: string, email: string): Promise<boolean> {
    // Two lookups whatever the address, so that an unknown one answers no faster (verification relies on it).
    const administrator = await this.administrators.findByEmail(email);
    const mapped = await this.dataSource.manager.existsBy(OrgAdmin, { orgId, administratorId: administrator?.id ?? NO_ACCOUNT });
    return !!administrator && mapped;
  }

  /** The org's own admins, as people to write to. */
  async admins(orgId: string): Promise<{ administratorId: string; email: string; name: string }[]> {
    const rows = await this.dataSource.manager.find(OrgAdmin, { where: { orgId } });
    const people = await this.administrators.describe(rows.map((row) => row.administratorId));
    return rows.flatMap((row) => {
      const person = people.get(row.administratorId);
      return person ? [{ administratorId: row.administratorId, email: person.email, name: person.name }] : [];
    });
  }

  /** The settings a new org may copy from an existing one. */
  async settingsOf(orgId: string): Promise<{ userCap: number | null; passwordExpiryDays: number | null }> {
    const org = await this.dataSource.manager.findOneByOrFail(Organization, { id: orgId });
    return { userCap: org.userCap, passwordExpiryDays: org.passwordExpiryDays };
  }

  /** The orgs with these public OrgIDs (unknown or malformed ones are left out). */
  async findByPublicIds(publicIds: string[]): Promise<OrgRef[]> {
    const valid = [...new Set(publicIds.filter(isPublicOrgId))];
    if (valid.length === 0) return [];
    const rows: { id: string; public_id: string; name: string }[] = await this.dataSource.query(
      'SELECT id, public_id, name FROM organizations WHERE public_id = ANY($1::text[])',
      [valid],
    );
    return rows.map((row) => ({ id: row.id, publicId: row.public_id, name: row.name }));
  }

  async describe(orgIds: string[]): Promise<Map<string, OrgRef>> {
    if (orgIds.length === 0) return new Map();
    const rows: { id: string; public_id: string; name: string }[] = await this.dataSource.query(
      'SELECT id, public_id, name FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY lower(name), id',
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, publicId: row.public_id, name: row.name }]));
  }

  /** A page of these orgs by name, optionally searched by name or exact OrgID, with the total that matches. */
  async summaries(orgIds: string[], query: { search?: string; limit: number; offset: number }): Promise<{ items: OrgSummary[]; total: number }> {
    if (orgIds.length === 0) return { items: [], total: 0 };
    const search = query.search?.trim().toLowerCase() || null;
    const pattern = search ? `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    const where = `o.id = ANY($1::uuid[]) AND ($2::text IS NULL OR lower(o.name) LIKE $2 OR o.public_id = $3)`;
    const params = [orgIds, pattern, search];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id, o.public_id, o.name, o.status, s.users_total, s.users_active, s.users_locked, s.users_mfa, s.systems_total, s.admins
         FROM organizations o JOIN org_stats s ON s.org_id = o.id
         WHERE ${where} ORDER BY lower(o.name), o.id LIMIT $4 OFFSET $5`,
        [...params, query.limit, query.offset],
      ) as Promise<SummaryRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM organizations o WHERE ${where}`, params) as Promise<{ total: number }[]>,
    ]);
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        publicId: row.public_id,
        name: row.name,
        status: row.status,
        usersTotal: row.users_total,
        usersActive: row.users_active,
        usersLockedOut: row.users_locked,
        usersWithMfa: row.users_mfa,
        mfaCoveragePercent: mfaCoveragePercent(row.users_mfa, row.users_total),
        systemsTotal: row.systems_total,
        admins: row.admins,
      })),
    };
  }
}

interface SummaryRow {
  id: string;
  public_id: string;
  name: string;
  status: 'active' | 'suspended';
  users_total: number;
  users_active: number;
  users_locked: number;
  users_mfa: number;
  systems_total: number;
  admins: number;
}
