import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';

import { apiProblemFromResponse } from './api-problem';
import { isSameOriginApi } from './same-origin-api';

/** Turns a failed call to the portal's API into a typed ApiProblem. */
export const apiProblemInterceptor: HttpInterceptorFn = (request, next) => {
  const origin = inject(DOCUMENT).location.origin;
  if (!isSameOriginApi(request.url, origin)) {
    return next(request);
  }
  return next(request).pipe(
    catchError((error: unknown) =>
      throwError(() => (error instanceof HttpErrorResponse ? apiProblemFromResponse(error) : error)),
    ),
  );
};
