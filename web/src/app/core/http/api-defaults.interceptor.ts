import { DOCUMENT } from '@angular/common';
import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';

import { isSameOriginApi } from './same-origin-api';

/** Asks the portal's API for JSON and sends the session cookie; leaves other hosts alone. */
export const apiDefaultsInterceptor: HttpInterceptorFn = (request, next) => {
  const origin = inject(DOCUMENT).location.origin;
  if (!isSameOriginApi(request.url, origin)) {
    return next(request);
  }
  const headers = request.headers.has('Accept')
    ? request.headers
    : request.headers.set('Accept', 'application/json');
  return next(request.clone({ headers, withCredentials: true }));
};
