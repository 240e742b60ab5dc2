import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreatePartnerInvitationDto,
  type ExportPartnerOrgs$Params,
  type ListPartnerOrgs$Params,
  type PartnerAdminDto,
  type PartnerInvitationDto,
  type PartnerOrgDetailsDto,
  type PartnerOrgPageDto,
  type PartnerSettingsDto,
  type UpdatePartnerAdminDto,
  type UpdatePartnerSettingsDto,
  ApiConfiguration,
  exportPartnerOrgs,
  getPartnerOrg,
  getPartnerSettings,
  invitePartnerAdmin,
  listPartnerAdmins,
  listPartnerInvitations,
  listPartnerOrgs,
  removePartnerAdmin,
  resendPartnerInvitation,
  revokePartnerInvitation,
  updatePartnerAdmin,
  updatePartnerSettings,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

/** The partner routes of the API for the caller's own partner, answering bodies rather than responses. */
@Injectable({ providedIn: 'root' })
export class PartnerApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  settings(): Observable<PartnerSettingsDto> {
    return getPartnerSettings(this.http, this.root).pipe(map((r) => r.body));
  }

  updateSettings(body: UpdatePartnerSettingsDto): Observable<PartnerSettingsDto> {
    return updatePartnerSettings(this.http, this.root, { body }).pipe(map((r) => r.body));
  }

  orgs(query: ListPartnerOrgs$Params): Observable<PartnerOrgPageDto> {
    return listPartnerOrgs(this.http, this.root, query).pipe(map((r) => r.body));
  }

  /** Every org matching the filters, in their order, as the CSV file the API writes. */
  exportOrgs(query: ExportPartnerOrgs$Params): Observable<Blob> {
    return exportPartnerOrgs(this.http, this.root, query).pipe(map((r) => r.body));
  }

  org(orgId: string): Observable<PartnerOrgDetailsDto> {
    return getPartnerOrg(this.http, this.root, { orgId }).pipe(map((r) => r.body));
  }

  admins(): Observable<PartnerAdminDto[]> {
    return listPartnerAdmins(this.http, this.root).pipe(map((r) => r.body));
  }

  updateAdmin(administratorId: string, body: UpdatePartnerAdminDto): Observable<PartnerAdminDto> {
    return updatePartnerAdmin(this.http, this.root, { administratorId, body }).pipe(map((r) => r.body));
  }

  removeAdmin(administratorId: string): Observable<void> {
    return removePartnerAdmin(this.http, this.root, { administratorId }).pipe(map(() => undefined));
  }

  invitations(): Observable<PartnerInvitationDto[]> {
    return listPartnerInvitations(this.http, this.root).pipe(map((r) => r.body));
  }

  invite(body: CreatePartnerInvitationDto): Observable<PartnerInvitationDto> {
    return invitePartnerAdmin(this.http, this.root, { body }).pipe(map((r) => r.body));
  }

  resendInvitation(invitationId: string): Observable<PartnerInvitationDto> {
    return resendPartnerInvitation(this.http, this.root, { invitationId }).pipe(map((r) => r.body));
  }

  revokeInvitation(invitationId: string): Observable<void> {
    return revokePartnerInvitation(this.http, this.root, { invitationId }).pipe(map(() => undefined));
  }
}
