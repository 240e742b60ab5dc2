import { HttpContext, HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';

/** The public OrgID an org console call is about. */
export const ORG_ID = new HttpContextToken<string | null>(() => null);

const PLACEHOLDER = '{orgId}';

/** A request context naming the org, for the generated client's org console functions. */
export function inOrg(orgId: string): HttpContext {
  return new HttpContext().set(ORG_ID, orgId);
}

/**
 * The OpenAPI document leaves `orgId` out of the org console operations' parameters (the API reads
 * it in its access guard, not in the handlers), so the generated functions keep `{orgId}` in the
 * path. This fills it from the request context; a request without an org is refused here rather
 * than sent to a path that names no org.
 */
export const orgScopeInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.includes(PLACEHOLDER)) {
    return next(request);
  }
  const orgId = request.context.get(ORG_ID);
  if (!orgId) {
    throw new Error(`No OrgID in the context of ${request.method} ${request.url}`);
  }
  return next(request.clone({ url: request.url.replace(PLACEHOLDER, encodeURIComponent(orgId)) }));
};
