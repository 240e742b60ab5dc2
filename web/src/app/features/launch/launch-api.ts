import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type LaunchDto,
  type LaunchRequestDto,
  type LaunchSessionDto,
  type LaunchSessionPageDto,
  type ListPartnerSessions$Params,
  ApiConfiguration,
  endPartnerSession,
  issueLaunchToken,
  launchOrgSession,
  listOrgPartnerAccess,
  listPartnerSessions,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

/** The launch session routes: the partner's (portal token) and the org's view of them. */
@Injectable({ providedIn: 'root' })
export class LaunchApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  launch(orgId: string, body: LaunchRequestDto): Observable<LaunchDto> {
    return launchOrgSession(this.http, this.root, { orgId, body }).pipe(map((r) => r.body));
  }

  sessions(query: ListPartnerSessions$Params): Observable<LaunchSessionPageDto> {
    return listPartnerSessions(this.http, this.root, query).pipe(map((r) => r.body));
  }

  end(sessionId: string): Observable<LaunchSessionDto> {
    return endPartnerSession(this.http, this.root, { sessionId }).pipe(map((r) => r.body));
  }

  /** A token of one's own active session, for a tab that has none (a new tab, a reload). */
  token(sessionId: string): Observable<LaunchDto> {
    return issueLaunchToken(this.http, this.root, { sessionId }).pipe(map((r) => r.body));
  }

  partnerAccess(orgId: string, limit: number, before?: string): Observable<LaunchSessionPageDto> {
    return listOrgPartnerAccess(this.http, this.root, { orgId, limit, before }).pipe(map((r) => r.body));
  }
}
