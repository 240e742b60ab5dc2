/**
 * Whether a request URL goes to this origin's API. Relative URLs are resolved against
 * the page, so a URL naming another host never receives the session cookie.
 */
export function isSameOriginApi(url: string, pageOrigin: string): boolean {
  let resolved: URL;
  try {
    resolved = new URL(url, pageOrigin);
  } catch {
    return false;
  }
  if (resolved.origin !== pageOrigin) {
    return false;
  }
  return resolved.pathname === '/api' || resolved.pathname.startsWith('/api/');
}
