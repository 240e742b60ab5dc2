import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationsService } from '../../src/orgs/organizations/organizations.service.js';

export interface TestOrg {
  id: string;
  publicId: string;
  name: string;
}

/** An org administered by the given administrators (through the orgs service, as the seed does). */
export async function createOrg(app: INestApplication, name: string, adminIds: string[], options: { userCap?: number } = {}): Promise<TestOrg> {
  const dataSource = app.get(DataSource);
  const org = await dataSource.transaction(async (manager) => {
    const created = await app.get(OrganizationsService).create(manager, { name, firstAdminId: adminIds[0], userCap: options.userCap ?? null });
    for (const adminId of adminIds.slice(1)) await manager.query('INSERT INTO org_admins (org_id, administrator_id) VALUES ($1, $2)', [created.id, adminId]);
    return created;
  });
  return { id: org.id, publicId: org.publicId, name: org.name };
}
