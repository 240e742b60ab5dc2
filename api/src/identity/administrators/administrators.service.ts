import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { hashPassword, verifyPassword } from '../password-hasher.js';
import { normalizeEmail } from '../staff.service.js';
import { Administrator } from './administrator.entity.js';
import { assertAcceptablePassword } from './password-policy.js';

/** Administrator accounts: the people who sign in to the portal. */
@Injectable()
export class AdministratorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(input: { email: string; name: string; password?: string }, manager = this.dataSource.manager): Promise<Administrator> {
    const email = normalizeEmail(input.email);
    if (input.password !== undefined) assertAcceptablePassword(input.password, email);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const created = manager.create(Administrator, { email, name: input.name.trim(), passwordHash, passwordChangedAt: passwordHash ? this.clock.now() : null });
    return manager.save(created);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<Administrator | null> {
    return manager.findOneBy(Administrator, { id });
  }

  findByEmail(email: string, manager = this.dataSource.manager): Promise<Administrator | null> {
    return manager.findOneBy(Administrator, { email: normalizeEmail(email) });
  }

  /**
   * The active administrator with these credentials, or null. An unknown email costs the same hash
   * work as a wrong password, so the answer time tells nothing.
   */
  async verifyCredentials(email: string, password: string): Promise<Administrator | null> {
    const found = await this.dataSource
      .getRepository(Administrator)
      .createQueryBuilder('administrator')
      .addSelect('administrator.passwordHash')
      .where('administrator.email = :email', { email: normalizeEmail(email) })
      .getOne();
    const valid = await verifyPassword(found?.passwordHash, password);
    return found && valid && found.status === 'active' ? found : null;
  }

  /** Who these administrators are, for lists elsewhere (org admins); `invited` while they have no password. */
  async describe(ids: string[]): Promise<Map<string, { email: string; name: string; invited: boolean; lastLoginAt: Date | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Administrator)
      .createQueryBuilder('administrator')
      .addSelect('administrator.passwordHash')
      .where('administrator.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((row) => [row.id, { email: row.email, name: row.name, invited: row.passwordHash === null, lastLoginAt: row.lastLoginAt }]));
  }

  async setPassword(manager: EntityManager, administrator: Administrator, password: string): Promise<void> {
    assertAcceptablePassword(password, administrator.email);
    await manager.update(Administrator, administrator.id, { passwordHash: await hashPassword(password), passwordChangedAt: this.clock.now() });
  }

  async recordSignIn(manager: EntityManager, administratorId: string): Promise<void> {
    await manager.update(Administrator, administratorId, { lastLoginAt: this.clock.now() });
  }
}
