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
    return getOrg(this.http, this.root, { orgId }).pipe(map((r) => r.body));
  }

  updateSettings(orgId: string, body: UpdateOrgSettingsDto): Observable<OrgOverviewDto> {
    return updateOrgSettings(this.http, this.root, { orgId, body }).pipe(map((r) => r.body));
  }

  activity(orgId: string, limit: number, before?: string): Observable<OrgActivityPageDto> {
    return listOrgActivity(this.http, this.root, { orgId, limit, before }).pipe(map((r) => r.body));
  }

  users(orgId: string, query: Omit<ListOrgUsers$Params, 'orgId'>): Observable<DirectoryUserPageDto> {
    return listOrgUsers(this.http, this.root, { ...query, orgId }).pipe(map((r) => r.body));
  }

  createUser(orgId: string, body: CreateUserDto): Observable<DirectoryUserDto> {
    return createOrgUser(this.http, this.root, { orgId, body }).pipe(map((r) => r.body));
  }

  updateUser(orgId: string, userId: string, body: UpdateUserDto): Observable<DirectoryUserDto> {
    return updateOrgUser(this.http, this.root, { orgId, userId, body }).pipe(map((r) => r.body));
  }

  userAction(orgId: string, userId: string, action: UserAction): Observable<DirectoryUserDto> {
    return USER_ACTIONS[action](this.http, this.root, { orgId, userId }).pipe(map((r) => r.body));
  }

  deleteUser(orgId: string, userId: string): Observable<void> {
    return deleteOrgUser(this.http, this.root, { orgId, userId }).pipe(map(() => undefined));
  }

  systems(orgId: string, query: Omit<ListOrgSystems$Params, 'orgId'>): Observable<SystemPageDto> {
    return listOrgSystems(this.http, this.root, { ...query, orgId }).pipe(map((r) => r.body));
  }

  updateSystem(orgId: string, systemId: string, body: UpdateSystemDto): Observable<SystemDto> {
    return updateOrgSystem(this.http, this.root, { orgId, systemId, body }).pipe(map((r) => r.body));
  }

  deleteSystem(orgId: string, systemId: string): Observable<void> {
    return deleteOrgSystem(this.http, this.root, { orgId, systemId }).pipe(map(() => undefined));
  }

  admins(orgId: string): Observable<OrgAdminDto[]> {
    return listOrgAdmins(this.http, this.root, { orgId }).pipe(map((r) => r.body));
  }

  addAdmin(orgId: string, email: string): Observable<OrgAdminDto> {
    return addOrgAdmin(this.http, this.root, { orgId, body: { email } }).pipe(map((r) => r.body));
  }

  removeAdmin(orgId: string, administratorId: string): Observable<void> {
    return removeOrgAdmin(this.http, this.root, { orgId, administratorId }).pipe(map(() => undefined));
  }
}
