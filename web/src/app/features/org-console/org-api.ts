import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreateUserDto,
  type DirectoryUserDto,
  type DirectoryUserPageDto,
  type ListOrgSystems$Params,
  type ListOrgUsers$Params,
  type OrgActivityPageDto,
  type OrgAdminDto,
  type OrgOverviewDto,
  type SystemDto,
  type SystemPageDto,
  type UpdateOrgSettingsDto,
  type UpdateSystemDto,
  type UpdateUserDto,
  ApiConfiguration,
  activateOrgUser,
  addOrgAdmin,
  createOrgUser,
  deleteOrgSystem,
  deleteOrgUser,
  getOrg,
  listOrgActivity,
  listOrgAdmins,
  listOrgSystems,
  listOrgUsers,
  removeOrgAdmin,
  resetOrgUserMfa,
  suspendOrgUser,
  unlockOrgUser,
  updateOrgSettings,
  updateOrgSystem,
  updateOrgUser,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

import { inOrg } from '../../core/http/org-scope.interceptor';

/** The one-click changes of a directory user, each its own endpoint. */
export type UserAction = 'suspend' | 'activate' | 'unlock' | 'reset-mfa';

const USER_ACTIONS = {
  suspend: suspendOrgUser,
  activate: activateOrgUser,
  unlock: unlockOrgUser,
  'reset-mfa': resetOrgUserMfa,
} as const;

/** The org console API for one org at a time, answering bodies rather than responses. */
@Injectable({ providedIn: 'root' })
export class OrgApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  overview(orgId: string): Observable<OrgOverviewDto> {
    return getOrg(this.http, this.root, undefined, inOrg(orgId)).pipe(map((r) => r.body));
  }

  updateSettings(orgId: string, body: UpdateOrgSettingsDto): Observable<OrgOverviewDto> {
    return updateOrgSettings(this.http, this.root, { body }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  activity(orgId: string, limit: number, before?: string): Observable<OrgActivityPageDto> {
    return listOrgActivity(this.http, this.root, { limit, before }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  users(orgId: string, query: ListOrgUsers$Params): Observable<DirectoryUserPageDto> {
    return listOrgUsers(this.http, this.root, query, inOrg(orgId)).pipe(map((r) => r.body));
  }

  createUser(orgId: string, body: CreateUserDto): Observable<DirectoryUserDto> {
    return createOrgUser(this.http, this.root, { body }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  updateUser(orgId: string, userId: string, body: UpdateUserDto): Observable<DirectoryUserDto> {
    return updateOrgUser(this.http, this.root, { userId, body }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  userAction(orgId: string, userId: string, action: UserAction): Observable<DirectoryUserDto> {
    return USER_ACTIONS[action](this.http, this.root, { userId }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  deleteUser(orgId: string, userId: string): Observable<void> {
    return deleteOrgUser(this.http, this.root, { userId }, inOrg(orgId)).pipe(map(() => undefined));
  }

  systems(orgId: string, query: ListOrgSystems$Params): Observable<SystemPageDto> {
    return listOrgSystems(this.http, this.root, query, inOrg(orgId)).pipe(map((r) => r.body));
  }

  updateSystem(orgId: string, systemId: string, body: UpdateSystemDto): Observable<SystemDto> {
    return updateOrgSystem(this.http, this.root, { systemId, body }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  deleteSystem(orgId: string, systemId: string): Observable<void> {
    return deleteOrgSystem(this.http, this.root, { systemId }, inOrg(orgId)).pipe(map(() => undefined));
  }

  admins(orgId: string): Observable<OrgAdminDto[]> {
    return listOrgAdmins(this.http, this.root, undefined, inOrg(orgId)).pipe(map((r) => r.body));
  }

  addAdmin(orgId: string, email: string): Observable<OrgAdminDto> {
    return addOrgAdmin(this.http, this.root, { body: { email } }, inOrg(orgId)).pipe(map((r) => r.body));
  }

  removeAdmin(orgId: string, administratorId: string): Observable<void> {
    return removeOrgAdmin(this.http, this.root, { administratorId }, inOrg(orgId)).pipe(map(() => undefined));
  }
}
