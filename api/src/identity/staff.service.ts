import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { StaffUser } from './staff-user.entity.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Platform staff accounts. Staff reach every tenant, so nothing here is tenant-scoped. */
@Injectable()
export class StaffService {
  constructor(@InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>) {}

  async create(input: { email: string; name: string; password: string }): Promise<StaffUser> {
    const user = this.staff.create({ email: normalizeEmail(input.email), name: input.name, passwordHash: await hashPassword(input.password) });
    return this.staff.save(user);
  }

  /** The staff user for these credentials, or null; the same cost whether or not the email exists. */
  async verifyCredentials(email: string, password: string): Promise<StaffUser | null> {
    const user = await this.staff
      .createQueryBuilder('staff')
      .addSelect('staff.passwordHash')
      .where('staff.email = :email', { email: normalizeEmail(email) })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.status !== 'active') return null;
    await this.staff.update(user.id, { lastLoginAt: new Date() });
    return user;
  }

  findById(id: string): Promise<StaffUser | null> {
    return this.staff.findOneBy({ id });
  }

  count(): Promise<number> {
    return this.staff.count();
  }
}
