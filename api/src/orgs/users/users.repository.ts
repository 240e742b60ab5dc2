import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import { DirectoryUser } from './directory-user.entity.js';
import type { ListUsersQueryDto, UserSort } from './users.dto.js';

const SORT_COLUMNS: Record<UserSort, string> = {
  username: 'user.username',
  email: 'user.email',
  lastName: 'user.last_name',
  state: 'user.state',
  createdAt: 'user.created_at',
  lastLoginAt: 'user.last_login_at',
};

/** The queries on directory users. Every one takes the org's id: there is no cross-org read here. */
@Injectable()
export class DirectoryUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(orgId: string, query: ListUsersQueryDto): Promise<{ items: DirectoryUser[]; total: number }> {
    const builder = this.dataSource.getRepository(DirectoryUser).createQueryBuilder('user').where('user.org_id = :orgId', { orgId });
    if (query.search) {
      // A substring of the names and addresses; the trigram index serves it from three characters on.
      builder.andWhere(`user.search_text LIKE :pattern ESCAPE '\\'`, { pattern: `%${query.search.replace(/[\\%_]/g, '\\$&')}%` });
    }
    if (query.state) builder.andWhere('user.state = :state', { state: query.state });
    if (query.mfa !== undefined) builder.andWhere('user.mfa_enrolled = :mfa', { mfa: query.mfa });
    if (query.locked !== undefined) builder.andWhere('user.locked_out = :locked', { locked: query.locked });
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    builder
      .orderBy(SORT_COLUMNS[query.sort ?? 'username'], direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('user.id', direction)
      .offset(query.offset ?? 0)
      .limit(query.limit ?? DEFAULT_PAGE_SIZE);
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  findInOrg(orgId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<DirectoryUser | null> {
    return manager.findOneBy(DirectoryUser, { orgId, id: userId });
  }
}
