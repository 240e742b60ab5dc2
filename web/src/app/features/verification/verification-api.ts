import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type BulkVerificationRowDto,
  type CreatePartnerOrgDto,
  type CreateVerificationDto,
  type ListVerifications$Params,
  type PartnerOrgDto,
  type VerificationDto,
  type VerificationOutcomeDto,
  type VerificationPageDto,
  type VerificationRequestPreviewDto,
  type VerifiedOrgDto,
  ApiConfiguration,
  approveVerification,
  cancelVerification,
  createPartnerOrg,
  declineVerification,
  listVerifications,
  lookupVerification,
  requestVerification,
  requestVerifications,
  resendVerification,
  submitVerificationCode,
} from '@mtp/api-client';
import { type Observable, map } from 'rxjs';

/**
 * The verification routes of the API, answering bodies rather than responses: the partner's side
 * (asking an org's admin for a code, creating an org) and the public side the emailed link opens.
 */
@Injectable({ providedIn: 'root' })
export class VerificationApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(ApiConfiguration).rootUrl;

  request(body: CreateVerificationDto): Observable<VerificationDto> {
    return requestVerification(this.http, this.root, { body }).pipe(map((r) => r.body));
  }

  /** At most 25 rows: the caller splits longer lists. */
  requestMany(rows: CreateVerificationDto[]): Observable<BulkVerificationRowDto[]> {
    return requestVerifications(this.http, this.root, { body: { rows } }).pipe(map((r) => r.body.rows));
  }

  list(query: ListVerifications$Params): Observable<VerificationPageDto> {
    return listVerifications(this.http, this.root, query).pipe(map((r) => r.body));
  }

  submitCode(verificationId: string, code: string): Observable<VerifiedOrgDto> {
    return submitVerificationCode(this.http, this.root, { verificationId, body: { code } }).pipe(map((r) => r.body));
  }

  resend(verificationId: string): Observable<VerificationDto> {
    return resendVerification(this.http, this.root, { verificationId }).pipe(map((r) => r.body));
  }

  cancel(verificationId: string): Observable<void> {
    return cancelVerification(this.http, this.root, { verificationId }).pipe(map(() => undefined));
  }

  createOrg(body: CreatePartnerOrgDto): Observable<PartnerOrgDto> {
    return createPartnerOrg(this.http, this.root, { body }).pipe(map((r) => r.body));
  }

  lookup(token: string): Observable<VerificationRequestPreviewDto> {
    return lookupVerification(this.http, this.root, { body: { token } }).pipe(map((r) => r.body));
  }

  approve(token: string): Observable<VerificationOutcomeDto> {
    return approveVerification(this.http, this.root, { body: { token } }).pipe(map((r) => r.body));
  }

  decline(token: string): Observable<VerificationOutcomeDto> {
    return declineVerification(this.http, this.root, { body: { token } }).pipe(map((r) => r.body));
  }
}
