import { type TestRequest } from '@angular/common/http/testing';
import { type ApiProblem as ProblemDocument, PROBLEM_CONTENT_TYPE } from '@mtp/contract';

/** A problem document with only the fields a test cares about. */
export type ProblemBody = Pick<ProblemDocument, 'title' | 'status'> & Partial<ProblemDocument>;

/** Answers a pending request the way the MTP API fails: with an RFC 9457 problem document. */
export function flushProblem(request: TestRequest, body: ProblemBody): void {
  request.flush(
    { type: 'about:blank', ...body },
    {
      status: body.status,
      statusText: body.title,
      headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
    },
  );
}

/** Answers a pending request as if the server could not be reached at all. */
export function failNetwork(request: TestRequest): void {
  request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
}
