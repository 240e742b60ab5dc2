import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { OrgAdmin } from '../admins/org-admin.entity.js';
import { Organization } from './organization.entity.js';
import { isPublicOrgId } from './public-org-id.js';

const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** An org as other modules name it: internal id, public OrgID and name. */
export interface OrgRef {
  id: string;
  publicId: string;
  name: string;
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
}
