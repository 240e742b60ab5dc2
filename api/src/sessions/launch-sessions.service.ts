import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { RequestContext } from '../common/http/request-context.js';
import type { OrgPermission } from '../identity/access/access-rules.js';
import { LaunchAccessDirectory, type LaunchAccessResolver, type LaunchedOrg } from '../identity/access/launch-access.js';
import type { OrgScope } from '../identity/access/org-access.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import type { LaunchPrincipal } from '../identity/access/principal.js';
import { TokenService } from '../identity/auth/token.service.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { launchAllows } from './launch-permissions.js';
import { LaunchSessionsRepository, type LaunchableRow, type LaunchSessionRow, type NewLaunchSession } from './launch-sessions.repository.js';
import { endedWords, endedWhy, sessionDto } from './session-view.js';
import type { LaunchDto, LaunchRequestDto, LaunchSessionDto, LaunchSessionPageDto, PartnerSessionsQueryDto, SessionHistoryQueryDto } from './sessions.dto.js';

/** Owners and admins oversee every session of their partner; other roles see and end their own. */
const OVERSEERS = new Set(['owner', 'admin']);

/**
 * Launch sessions: a partner admin's recorded, time-limited, revocable way into one org of the
 * portfolio. The session row is checked on every request made with its token.
 */
@Injectable()
export class LaunchSessionsService implements OnModuleInit, LaunchAccessResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: LaunchSessionsRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly launchAccess: LaunchAccessDirectory,
    private readonly orgs: OrgDirectoryService,
  ) {}

  onModuleInit(): void {
    this.launchAccess.register(this);
  }

  async launch(scope: PartnerScope, publicOrgId: string, input: LaunchRequestDto, context: RequestContext): Promise<LaunchDto> {
    const session = await this.dataSource.transaction(async (manager) => {
      const launchable = await this.sessions.lockLaunchable(manager, {
        partnerId: scope.partnerId,
        administratorId: scope.administratorId,
        authSessionId: scope.sessionId,
        publicOrgId: publicOrgId.trim().toLowerCase(),
      });
      if (!launchable) throw new NotFoundError('orgs.not_found', 'There is no organization with this OrgID that you manage');
      if (launchable.launch_reason_required && !input.reason) {
        throw new DomainError('sessions.reason_required', 400, 'Your partner asks for a reason with every launch; say why you open this organization');
      }
      const startedAt = this.clock.now();
      const recorded = {
        partnerId: scope.partnerId,
        administratorId: scope.administratorId,
        orgId: launchable.org_id,
        authSessionId: scope.sessionId,
        role: launchable.role,
        reason: input.reason ?? null,
        ticket: input.ticket ?? null,
        startedAt,
        expiresAt: new Date(startedAt.getTime() + launchable.launch_session_minutes * 60_000),
        ip: context.ip,
        userAgent: context.userAgent,
      };
      const id = await this.sessions.insert(manager, recorded);
      await this.audit.record(manager, {
        actor: { type: 'administrator', id: scope.administratorId, sessionId: scope.sessionId },
        action: 'sessions.launched',
        outcome: 'success',
        partnerId: scope.partnerId,
        orgId: launchable.org_id,
        target: { type: 'launch_session', id },
        context,
        details: { launchSessionId: id, partnerName: launchable.partner_name, role: launchable.role, reason: recorded.reason, ticket: recorded.ticket, minutes: launchable.launch_session_minutes },
      });
      return newSessionRow(id, recorded, launchable);
    });
    return this.withToken(session);
  }

  /** A fresh token for one of the caller's own active sessions: a new tab, or a reload, of the launched console. */
  async issueToken(scope: PartnerScope, sessionId: string): Promise<LaunchDto> {
    const row = await this.found(scope, sessionId);
    if (row.administrator_id !== scope.administratorId) throw notFound();
    const ended = endedWhy(row, this.clock.now());
    if (ended) throw new DomainError('sessions.ended', 409, `This session has ended: ${endedWords(ended.reason)}. Launch again`);
    return this.withToken(row);
  }

  async end(scope: PartnerScope, sessionId: string, context: RequestContext): Promise<LaunchSessionDto> {
    const ended = await this.dataSource.transaction(async (manager) => {
      const row = await this.sessions.find(sessionId, scope.partnerId, manager);
      if (!row || !this.mayOversee(scope, row)) throw notFound();
      const own = row.administrator_id === scope.administratorId;
      if (endedWhy(row, this.clock.now())) return row;
      if (await this.sessions.end(manager, row.id, { at: this.clock.now(), reason: own ? 'ended_by_admin' : 'ended_by_partner_admin', by: scope.administratorId })) {
        await this.audit.record(manager, {
          actor: { type: 'administrator', id: scope.administratorId, sessionId: scope.sessionId },
          action: 'sessions.ended',
          outcome: 'success',
          partnerId: scope.partnerId,
          orgId: row.org_id,
          target: { type: 'launch_session', id: row.id },
          context,
          details: { launchSessionId: row.id, partnerName: row.partner_name, ...(own ? {} : { sessionOf: row.admin_email }) },
        });
      }
      return (await this.sessions.find(sessionId, scope.partnerId, manager))!;
    });
    return sessionDto(ended, this.clock.now());
  }

  async partnerSessions(scope: PartnerScope, query: PartnerSessionsQueryDto): Promise<LaunchSessionPageDto> {
    const onlyOwn = query.mine || !OVERSEERS.has(scope.role);
    const orgId = query.orgId ? await this.orgIdOf(query.orgId) : undefined;
    if (query.orgId && !orgId) return { items: [], nextBefore: null };
    return this.page({
      partnerId: scope.partnerId,
      administratorId: onlyOwn ? scope.administratorId : undefined,
      orgId,
      activeAt: (query.state ?? 'active') === 'active' ? this.clock.now() : undefined,
      limit: query.limit ?? 25,
      before: query.before,
    });
  }

  /** The customer's view: every partner session into their org, past and present. */
  orgHistory(org: OrgScope, query: SessionHistoryQueryDto): Promise<LaunchSessionPageDto> {
    return this.page({ orgId: org.orgId, limit: query.limit ?? 25, before: query.before });
  }

  /** The per-request check of a launch token, on every org console request it is sent with. */
  async resolve(principal: LaunchPrincipal, publicOrgId: string, permission: OrgPermission): Promise<LaunchedOrg | null> {
    const row = await this.sessions.check(principal.sessionId);
    if (!row || row.administrator_id !== principal.administratorId || row.partner_id !== principal.partnerId) throw sessionEnded('there is no such session');
    const ended = endedWhy(row, this.clock.now());
    if (ended) throw sessionEnded(endedWords(ended.reason));
    if (row.org_public_id !== publicOrgId) return null;
    if (!launchAllows(row.role, permission)) {
      throw new DomainError('sessions.forbidden', 403, `Your partner role (${row.role}) does not allow this in a launched session`);
    }
    return { scope: { orgId: row.org_id, publicId: row.org_public_id, name: row.org_name }, partnerName: row.partner_name };
  }

  private async page(filter: Parameters<LaunchSessionsRepository['history']>[0]): Promise<LaunchSessionPageDto> {
    const { rows, nextBefore } = await this.sessions.history(filter);
    const now = this.clock.now();
    return { items: rows.map((row) => sessionDto(row, now)), nextBefore };
  }

  private withToken(row: LaunchSessionRow): LaunchDto {
    const token = this.tokens.orgConsoleToken({
      administratorId: row.administrator_id,
      sessionId: row.id,
      publicOrgId: row.org_public_id,
      partnerId: row.partner_id,
      role: row.role,
      expiresAt: row.expires_at,
    });
    return { session: sessionDto(row, this.clock.now()), token, expiresAt: row.expires_at };
  }

  private async found(scope: PartnerScope, sessionId: string): Promise<LaunchSessionRow> {
    const row = isUUID(sessionId) ? await this.sessions.find(sessionId, scope.partnerId) : null;
    if (!row || !this.mayOversee(scope, row)) throw notFound();
    return row;
  }

  private mayOversee(scope: PartnerScope, row: LaunchSessionRow): boolean {
    return row.administrator_id === scope.administratorId || OVERSEERS.has(scope.role);
  }

  private async orgIdOf(publicOrgId: string): Promise<string | undefined> {
    return (await this.orgs.findByPublicIds([publicOrgId]))[0]?.id;
  }
}

/** The row just inserted, as a read would give it, without reading it back. */
function newSessionRow(id: string, session: NewLaunchSession, launchable: LaunchableRow): LaunchSessionRow {
  return {
    id,
    partner_id: session.partnerId,
    partner_name: launchable.partner_name,
    administrator_id: session.administratorId,
    admin_email: launchable.admin_email,
    admin_name: launchable.admin_name,
    org_id: launchable.org_id,
    org_public_id: launchable.org_public_id,
    org_name: launchable.org_name,
    role: launchable.role,
    reason: session.reason,
    ticket: session.ticket,
    started_at: session.startedAt,
    expires_at: session.expiresAt,
    ended_at: null,
    ended_reason: null,
    ip: session.ip,
    user_agent: session.userAgent,
  };
}

function notFound(): NotFoundError {
  return new NotFoundError('sessions.not_found', 'There is no such launch session of yours');
}

function sessionEnded(why: string): DomainError {
  return new DomainError('sessions.ended', 401, `This launch session has ended: ${why}. Return to the portal to launch again.`);
}
