import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { DomainError, NotFoundError } from '../../common/domain-error.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { isUniqueViolation, orgAudit, type OrgActor } from '../org-actor.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrgStats } from '../organizations/org-stats.entity.js';
import { DirectoryUser, type DirectoryUserState } from './directory-user.entity.js';
import type { CreateUserDto, DirectoryUserDto, DirectoryUserPageDto, ListUsersQueryDto, UpdateUserDto } from './users.dto.js';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import { DirectoryUsersRepository } from './users.repository.js';

const userNotFound = () => new NotFoundError('orgs.user_not_found', 'There is no such user in this organization');

/** The org's directory users: the console's rules (cap, unique usernames) and the audit of each change. */
@Injectable()
export class DirectoryUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: DirectoryUsersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(scope: OrgScope, query: ListUsersQueryDto): Promise<DirectoryUserPageDto> {
    const { items, total } = await this.users.page(scope.orgId, query);
    return { items: items.map(toDto), total, limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 };
  }

  async get(scope: OrgScope, userId: string): Promise<DirectoryUserDto> {
    return toDto(await this.require(scope, userId));
  }

  async create(scope: OrgScope, input: CreateUserDto, actor: OrgActor): Promise<DirectoryUserDto> {
    return this.dataSource.transaction(async (manager) => {
      // Locking the org serialises creations, so two at once cannot both pass the cap.
      const org = await manager.findOne(Organization, { where: { id: scope.orgId }, lock: { mode: 'pessimistic_write' } });
      const stats = await manager.findOneByOrFail(OrgStats, { orgId: scope.orgId });
      if (org?.userCap != null && stats.usersTotal >= org.userCap) {
        throw new DomainError('orgs.user_cap_reached', 409, `This organization is limited to ${org.userCap} users`);
      }
      const passwordExpiresAt = org?.passwordExpiryDays ? new Date(this.clock.now().getTime() + org.passwordExpiryDays * 86_400_000) : null;
      let user: DirectoryUser;
      try {
        user = await manager.save(
          manager.create(DirectoryUser, {
            orgId: scope.orgId,
            username: input.username,
            email: input.email,
            firstName: input.firstName ?? '',
            lastName: input.lastName ?? '',
            state: input.state ?? 'active',
            passwordExpiresAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('orgs.username_taken', 409, `The username ${input.username} is already used in this organization`);
        throw error;
      }
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.user.created', { type: 'directory_user', id: user.id }, { username: user.username }));
      return toDto(user);
    });
  }

  update(scope: OrgScope, userId: string, input: UpdateUserDto, actor: OrgActor): Promise<DirectoryUserDto> {
    return this.change(scope, userId, actor, 'orgs.user.updated', () => ({ ...input }), { fields: Object.keys(input) });
  }

  setState(scope: OrgScope, userId: string, state: Extract<DirectoryUserState, 'active' | 'suspended'>, actor: OrgActor): Promise<DirectoryUserDto> {
    return this.change(scope, userId, actor, state === 'suspended' ? 'orgs.user.suspended' : 'orgs.user.activated', () => ({ state }));
  }

  unlock(scope: OrgScope, userId: string, actor: OrgActor): Promise<DirectoryUserDto> {
    return this.change(scope, userId, actor, 'orgs.user.unlocked', () => ({ lockedOut: false, lockedOutAt: null }));
  }

  /**
   * Unlock or suspend one user of a cross-org selection: nothing is written or audited when there is
   * nothing to do, so a repeated bulk action reports `unchanged` instead of auditing twice.
   */
  applyIfNeeded(scope: OrgScope, userId: string, action: 'unlock' | 'suspend', actor: OrgActor): Promise<'done' | 'unchanged'> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.require(scope, userId, manager, true);
      if (action === 'unlock' ? !user.lockedOut : user.state === 'suspended') return 'unchanged';
      const patch: Partial<DirectoryUser> = action === 'unlock' ? { lockedOut: false, lockedOutAt: null } : { state: 'suspended' };
      await manager.update(DirectoryUser, { orgId: scope.orgId, id: user.id }, patch);
      const event = action === 'unlock' ? 'orgs.user.unlocked' : 'orgs.user.suspended';
      await this.audit.record(manager, orgAudit(scope, actor, event, { type: 'directory_user', id: user.id }, { username: user.username }));
      return 'done';
    });
  }

  resetMfa(scope: OrgScope, userId: string, actor: OrgActor): Promise<DirectoryUserDto> {
    return this.change(scope, userId, actor, 'orgs.user.mfa_reset', () => ({ mfaEnrolled: false }));
  }

  async remove(scope: OrgScope, userId: string, actor: OrgActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.require(scope, userId, manager);
      await manager.delete(DirectoryUser, { orgId: scope.orgId, id: user.id });
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.user.deleted', { type: 'directory_user', id: user.id }, { username: user.username }));
    });
  }

  private change(
    scope: OrgScope,
    userId: string,
    actor: OrgActor,
    action: string,
    patch: (user: DirectoryUser) => Partial<DirectoryUser>,
    details?: Record<string, unknown>,
  ): Promise<DirectoryUserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.require(scope, userId, manager, true);
      await manager.update(DirectoryUser, { orgId: scope.orgId, id: user.id }, patch(user));
      await this.audit.record(manager, orgAudit(scope, actor, action, { type: 'directory_user', id: user.id }, { username: user.username, ...details }));
      return toDto((await this.users.findInOrg(scope.orgId, user.id, manager))!);
    });
  }

  private async require(scope: OrgScope, userId: string, manager?: EntityManager, lock = false): Promise<DirectoryUser> {
    if (!isUUID(userId)) throw userNotFound();
    const user = lock
      ? await manager!.findOne(DirectoryUser, { where: { orgId: scope.orgId, id: userId }, lock: { mode: 'pessimistic_write' } })
      : await this.users.findInOrg(scope.orgId, userId, manager);
    if (!user) throw userNotFound();
    return user;
  }
}

export function toDto(user: DirectoryUser): DirectoryUserDto {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    state: user.state,
    mfaEnrolled: user.mfaEnrolled,
    lockedOut: user.lockedOut,
    passwordExpiresAt: user.passwordExpiresAt,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}
