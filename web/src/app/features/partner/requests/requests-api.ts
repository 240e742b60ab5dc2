import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreateSupportRequestDto,
  type ListSupportRequests$Params,
  type SupportRequestDetailsDto,
  type SupportRequestPageDto,
  ApiConfiguration,
  cancelSupportRequest,
  commentSupportRequest,
  fileSupportRequest,
  getSupportRequest,
  listSupportRequests,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

/** The partner's support requests to platform staff, answering bodies rather than responses. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  list(query: ListSupportRequests$Params): Observable<SupportRequestPageDto> {
    return listSupportRequests(this.http, this.root, query).pipe(map((r) => r.body));
  }

  get(requestId: string): Observable<SupportRequestDetailsDto> {
    return getSupportRequest(this.http, this.root, { requestId }).pipe(map((r) => r.body));
  }

  file(body: CreateSupportRequestDto): Observable<SupportRequestDetailsDto> {
    return fileSupportRequest(this.http, this.root, { body }).pipe(map((r) => r.body));
  }

  comment(requestId: string, comment: string): Observable<SupportRequestDetailsDto> {
    return commentSupportRequest(this.http, this.root, { requestId, body: { comment } }).pipe(map((r) => r.body));
  }

  cancel(requestId: string): Observable<SupportRequestDetailsDto> {
    return cancelSupportRequest(this.http, this.root, { requestId, body: {} }).pipe(map((r) => r.body));
  }
}
