import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type BulkUsersResultDto,
  type ListPartnerSystems$Params,
  type ListPartnerUsers$Params,
  type PortfolioOverviewDto,
  type PortfolioSystemPageDto,
  type PortfolioUserPageDto,
  ApiConfiguration,
  getPartnerOverview,
  listPartnerSystems,
  listPartnerUsers,
  suspendPartnerUsers,
  unlockPartnerUsers,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

/** The dashboard's reads and cross-org actions over the partner routes, answering bodies. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  overview(): Observable<PortfolioOverviewDto> {
    return getPartnerOverview(this.http, this.root).pipe(map((r) => r.body));
  }

  users(query: ListPartnerUsers$Params): Observable<PortfolioUserPageDto> {
    return listPartnerUsers(this.http, this.root, query).pipe(map((r) => r.body));
  }

  systems(query: ListPartnerSystems$Params): Observable<PortfolioSystemPageDto> {
    return listPartnerSystems(this.http, this.root, query).pipe(map((r) => r.body));
  }

  unlock(userIds: string[]): Observable<BulkUsersResultDto> {
    return unlockPartnerUsers(this.http, this.root, { body: { userIds } }).pipe(map((r) => r.body));
  }

  suspend(userIds: string[]): Observable<BulkUsersResultDto> {
    return suspendPartnerUsers(this.http, this.root, { body: { userIds } }).pipe(map((r) => r.body));
  }
}
