const ORG_ROUTE = /^\/api\/v1\/orgs\/([^/]+)(?:\/|$)/;

/**
 * The public OrgID of an org console API path (`/api/v1/orgs/{orgId}` and below), or null for any
 * other path. Only these routes may carry a launch token; `/api/v1/org/...` (org from a header) never does.
 */
export function orgOfApiPath(path: string): string | null {
  const match = ORG_ROUTE.exec(path);
  if (!match) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
