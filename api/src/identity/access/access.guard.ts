import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { AuthSessionsService } from '../sessions/auth-sessions.service.js';
import { ACCESS_RULE, type AccessRule, type OrgPermission } from './access-rules.js';
import { LaunchAccessDirectory } from './launch-access.js';
import { OrgAccessDirectory, type OrgScope } from './org-access.js';
import { PartnerAccessDirectory, type PartnerScope } from './partner-access.js';
import { StaffAccessDirectory } from './staff-access.js';
import type { AdministratorPrincipal, OrgCaller, Principal } from './principal.js';

const PortalTokenGuard = AuthGuard('portal');
const EnrollmentTokenGuard = AuthGuard('mfa-enrollment');
const OrgCallerTokenGuard = AuthGuard('org-caller');

/**
 * The global guard: every route is refused unless it declares who may call it, and the caller is
 * exactly that. A portal token is checked against its session on every request, so signing out,
 * a password change or a disabled account stops it at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly portalToken = new PortalTokenGuard();
  private readonly enrollmentToken = new EnrollmentTokenGuard();
  private readonly orgCallerToken = new OrgCallerTokenGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: AuthSessionsService,
    private readonly orgs: OrgAccessDirectory,
    private readonly partners: PartnerAccessDirectory,
    private readonly launches: LaunchAccessDirectory,
    private readonly staff: StaffAccessDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw new DomainError('auth.forbidden', 403, 'This route is not open to anyone');
    }
    switch (rule.kind) {
      case 'public':
        return true;
      case 'administrator':
        await this.authenticateAdministrator(context);
        return true;
      case 'org': {
        const request = context.switchToHttp().getRequest<Request & { orgScope?: OrgScope }>();
        request.orgScope = await this.resolveOrg(context, String(request.params.orgId ?? ''), rule.permission);
        return true;
      }
      case 'partner': {
        const principal = await this.authenticateAdministrator(context);
        const request = context.switchToHttp().getRequest<Request & { partnerScope?: PartnerScope }>();
        request.partnerScope = await this.partners.resolve(principal, rule.permission);
        return true;
      }
      case 'mfa-enrollment':
        try {
          return (await this.enrollmentToken.canActivate(context)) as boolean;
        } catch {
          throw new DomainError('auth.challenge_invalid', 401, 'The sign-in has expired; enter your email and password again');
        }
      case 'staff': {
        // Staff reach the API with their back-office sign-in only (its session cookie).
        const http = context.switchToHttp();
        const request = http.getRequest<Request & { user?: Principal }>();
        const staff = await this.staff.resolve(request, http.getResponse<Response>());
        if (!staff) throw new DomainError('auth.unauthenticated', 401, 'Sign in as staff through the back-office');
        request.user = staff;
        return true;
      }
    }
  }

  /** The org of an org route: for its own admins any route, for a launch session only its org and what its role allows. */
  private async resolveOrg(context: ExecutionContext, publicOrgId: string, permission: OrgPermission): Promise<OrgScope> {
    await this.orgCallerToken.canActivate(context);
    const request = context.switchToHttp().getRequest<Request & { user: OrgCaller }>();
    const caller = request.user;
    let scope: OrgScope | null;
    if (caller.kind === 'launch') {
      const launched = await this.launches.resolve(caller, publicOrgId, permission);
      scope = launched?.scope ?? null;
      if (launched) request.user = { ...caller, partnerName: launched.partnerName };
    } else {
      if (!(await this.sessions.isActive(caller.sessionId, caller.administratorId))) throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
      scope = await this.orgs.resolve(caller, publicOrgId);
    }
    if (!scope) throw new DomainError('orgs.not_found', 404, 'There is no organization with this OrgID that you can manage');
    return scope;
  }

  private async authenticateAdministrator(context: ExecutionContext): Promise<AdministratorPrincipal> {
    await this.portalToken.canActivate(context);
    const principal = context.switchToHttp().getRequest<Request & { user: Principal }>().user;
    if (principal.kind !== 'administrator' || !(await this.sessions.isActive(principal.sessionId, principal.administratorId))) {
      throw new DomainError('auth.session_ended', 401, 'Your session has ended; sign in again');
    }
    return principal;
  }
}
