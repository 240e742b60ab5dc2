import { TestRequest } from '@angular/common/http/testing';

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  correlationId?: string;
}

/** Answers a pending request the way the MTP API fails: with an RFC 9457 problem document. */
export function flushProblem(request: TestRequest, body: ProblemBody): void {
  request.flush(
    { type: 'about:blank', ...body },
    {
      status: body.status,
      statusText: body.title,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );
}

/** Answers a pending request as if the server could not be reached at all. */
export function failNetwork(request: TestRequest): void {
  request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
}
