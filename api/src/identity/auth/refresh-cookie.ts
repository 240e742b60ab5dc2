import { parse } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config.provider.js';
import { SESSION_LIFETIME_DAYS } from '../sessions/auth-sessions.service.js';

export const REFRESH_COOKIE = 'mtp_refresh';
// Sent only to the sign-in routes, never with ordinary API calls.
const COOKIE_PATH = '/api/v1/auth';

export function readRefreshCookie(request: Request): string | undefined {
  return parse(request.headers.cookie ?? '')[REFRESH_COOKIE] || undefined;
}

/** HttpOnly, SameSite=Strict, and Secure wherever the portal is served over https. */
export function setRefreshCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https://'),
    path: COOKIE_PATH,
    maxAge: SESSION_LIFETIME_DAYS * 24 * 60 * 60 * 1000,
  });
}

export function clearRefreshCookie(response: Response, config: AppConfig): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: config.publicUrl.startsWith('https://'), path: COOKIE_PATH });
}
