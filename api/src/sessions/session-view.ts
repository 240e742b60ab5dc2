import { launchPermissions, type LaunchRole } from './launch-permissions.js';
import type { LaunchSessionRow } from './launch-sessions.repository.js';
import type { EndedReason, LaunchSessionDto } from './sessions.dto.js';

/**
 * How a session ended, or null while it runs. Expiry is never written: a session whose time ran out
 * before anything else ended it reads as expired at its expiry.
 */
export function endedWhy(row: { expires_at: Date; ended_at: Date | null; ended_reason: string | null }, now: Date): { at: Date; reason: EndedReason } | null {
  const expired = row.expires_at.getTime() <= now.getTime();
  if (row.ended_at && !(expired && row.expires_at < row.ended_at)) return { at: row.ended_at, reason: row.ended_reason as EndedReason };
  return expired ? { at: row.expires_at, reason: 'expired' } : null;
}

export function sessionDto(row: LaunchSessionRow, now: Date): LaunchSessionDto {
  const ended = endedWhy(row, now);
  return {
    id: row.id,
    org: { orgId: row.org_public_id, name: row.org_name },
    admin: { id: row.administrator_id, email: row.admin_email, name: row.admin_name },
    partner: { id: row.partner_id, name: row.partner_name },
    role: row.role as LaunchRole,
    permissions: launchPermissions(row.role as LaunchRole),
    reason: row.reason,
    ticket: row.ticket,
    startedAt: row.started_at,
    expiresAt: row.expires_at,
    endedAt: ended?.at ?? null,
    endedReason: ended?.reason ?? null,
    state: ended ? 'ended' : 'active',
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** Why a session ended, as the person in it is told. */
const ENDED_WORDS: Record<EndedReason, string> = {
  expired: 'its time ran out',
  ended_by_admin: 'you ended it',
  ended_by_partner_admin: 'an owner or admin of your partner ended it',
  admin_removed: 'you are no longer an admin of your partner',
  admin_suspended: 'your partner admin account was suspended',
  admin_disabled: 'your account was disabled',
  role_changed: 'your role in your partner changed',
  org_access_removed: 'you no longer have access to this organization',
  partner_suspended: 'your partner was suspended',
  org_detached: 'the organization was detached from your partner',
  signed_out: 'you signed out of the portal',
};

export function endedWords(reason: EndedReason): string {
  return ENDED_WORDS[reason];
}
