import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { OrgAccessDirectory, type OrgAccessResolver, type OrgScope } from '../../identity/access/org-access.js';
import type { AdministratorPrincipal } from '../../identity/access/principal.js';
import { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { MembershipDirectory, type Memberships } from '../../identity/auth/membership-directory.js';
import type { OrgActivityPageDto, OrgActivityQueryDto } from './org-activity.dto.js';
import { orgAudit, type OrgActor } from '../org-actor.js';
import { OrgAdmin } from '../admins/org-admin.entity.js';
import { OrgAdminsService } from '../admins/org-admins.service.js';
import { Organization } from './organization.entity.js';
import type { OrgOverviewDto, UpdateOrgSettingsDto } from './organizations.dto.js';
import { mfaCoveragePercent } from './org-figures.js';
import { OrgStats } from './org-stats.entity.js';
import { isPublicOrgId, newPublicOrgId } from './public-org-id.js';

const DAY_MS = 86_400_000;

/** Organizations: who may reach which, their overview and settings. */
@Injectable()
export class OrganizationsService implements OnModuleInit, OrgAccessResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgAccess: OrgAccessDirectory,
    private readonly memberships: MembershipDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly administrators: AdministratorsService,
    private readonly orgAdmins: OrgAdminsService,
  ) {}

  onModuleInit(): void {
    this.orgAccess.register(this);
    this.memberships.register({ membershipsOf: (administratorId) => this.orgMembershipsOf(administratorId) });
  }

  /** An org this administrator is an admin of; null for one that does not exist or is out of reach. */
  async resolve(principal: AdministratorPrincipal, publicOrgId: string): Promise<OrgScope | null> {
    if (!isPublicOrgId(publicOrgId)) return null;
    const rows: { id: string; public_id: string; name: string }[] = await this.dataSource.query(
      `SELECT o.id, o.public_id, o.name FROM organizations o JOIN org_admins a ON a.org_id = o.id
       WHERE o.public_id = $1 AND a.administrator_id = $2`,
      [publicOrgId, principal.administratorId],
    );
    const row = rows[0];
    return row ? { orgId: row.id, publicId: row.public_id, name: row.name } : null;
  }

  /** Creates an org with its first admin (used by the seed now, by partners later). */
  async create(manager: EntityManager, input: { name: string; firstAdminId?: string; userCap?: number | null }): Promise<Organization> {
    const org = await manager.save(manager.create(Organization, { publicId: newPublicOrgId(), name: input.name.trim(), userCap: input.userCap ?? null }));
    if (input.firstAdminId) await manager.insert(OrgAdmin, { orgId: org.id, administratorId: input.firstAdminId, addedBy: null });
    return org;
  }

  /**
   * A brand-new org for a partner's customer, with its first admin mapped or invited by email, in
   * the caller's transaction (which also associates it with the partner).
   */
  async createWithFirstAdmin(
    manager: EntityManager,
    input: { name: string; adminEmail: string; userCap: number | null; passwordExpiryDays: number | null },
    actor: OrgActor,
  ): Promise<OrgScope> {
    const org = await manager.save(
      manager.create(Organization, { publicId: newPublicOrgId(), name: input.name.trim(), userCap: input.userCap, passwordExpiryDays: input.passwordExpiryDays }),
    );
    const scope = { orgId: org.id, publicId: org.publicId, name: org.name };
    await this.audit.record(manager, orgAudit(scope, actor, 'orgs.created', { type: 'organization', id: org.publicId }));
    await this.orgAdmins.addInTransaction(manager, scope, input.adminEmail, actor);
    return scope;
  }

  async overview(scope: OrgScope): Promise<OrgOverviewDto> {
    const org = await this.dataSource.manager.findOneByOrFail(Organization, { id: scope.orgId });
    const stats = await this.dataSource.manager.findOneByOrFail(OrgStats, { orgId: scope.orgId });
    const now = this.clock.now();
    // These move with time alone, so they are counted from indexed columns when asked, not stored.
    const [{ expiring, new_users }] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE password_expires_at BETWEEN $2 AND $3)::int AS expiring,
              count(*) FILTER (WHERE created_at >= $4)::int AS new_users
       FROM directory_users WHERE org_id = $1 AND (password_expires_at BETWEEN $2 AND $3 OR created_at >= $4)`,
      [scope.orgId, now, new Date(now.getTime() + 14 * DAY_MS), new Date(now.getTime() - 7 * DAY_MS)],
    );
    return {
      orgId: org.publicId,
      name: org.name,
      status: org.status,
      createdAt: org.createdAt,
      settings: { userCap: org.userCap, passwordExpiryDays: org.passwordExpiryDays },
      stats: {
        usersTotal: stats.usersTotal,
        usersActive: stats.usersActive,
        usersSuspended: stats.usersSuspended,
        usersStaged: stats.usersStaged,
        usersWithMfa: stats.usersMfa,
        usersLockedOut: stats.usersLocked,
        systemsTotal: stats.systemsTotal,
        systemsActive: stats.systemsActive,
        admins: stats.admins,
        mfaCoveragePercent: mfaCoveragePercent(stats.usersActiveMfa, stats.usersActive),
        passwordsExpiringIn14Days: expiring,
        newUsersLast7Days: new_users,
        lastActivityAt: stats.lastActivityAt,
      },
    };
  }

  async activity(scope: OrgScope, query: OrgActivityQueryDto): Promise<OrgActivityPageDto> {
    const limit = query.limit ?? 50;
    const events = await this.audit.listForOrg(scope.orgId, { limit: limit + 1, before: query.before });
    const page = events.slice(0, limit);
    const people = await this.administrators.describe([...new Set(page.filter((event) => event.actorType === 'administrator' && event.actorId).map((event) => event.actorId!))]);
    return {
      items: page.map((event) => ({
        id: event.id,
        occurredAt: event.occurredAt,
        action: event.action,
        outcome: event.outcome,
        actor: (event.actorId && people.get(event.actorId)?.email) ?? event.actorLabel ?? event.actorType,
        targetType: event.targetType,
        targetId: event.targetId,
        details: event.details,
        launch: launchOf(event.details),
      })),
      nextBefore: events.length > limit ? page[page.length - 1]!.id : null,
    };
  }

  async updateSettings(scope: OrgScope, input: UpdateOrgSettingsDto, actor: OrgActor): Promise<OrgOverviewDto> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Organization, { id: scope.orgId }, { ...input, ...(input.name ? { name: input.name.trim() } : {}) });
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.settings.updated', { type: 'organization', id: scope.publicId }, { fields: Object.keys(input) }));
    });
    return this.overview(scope);
  }

  private async orgMembershipsOf(administratorId: string): Promise<Partial<Memberships>> {
    const rows: { public_id: string; name: string }[] = await this.dataSource.query(
      `SELECT o.public_id, o.name FROM org_admins a JOIN organizations o ON o.id = a.org_id WHERE a.administrator_id = $1 ORDER BY o.name`,
      [administratorId],
    );
    return { orgMemberships: rows.map((row) => ({ orgId: row.public_id, orgName: row.name })) };
  }
}

/** The launch session an event was made in, as orgAudit records it. */
function launchOf(details: Record<string, unknown>): { sessionId: string; partnerName: string | null } | null {
  const sessionId = details.launchSessionId;
  if (typeof sessionId !== 'string') return null;
  return { sessionId, partnerName: typeof details.partnerName === 'string' ? details.partnerName : null };
}
