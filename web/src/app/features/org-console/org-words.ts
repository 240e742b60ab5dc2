import { type DirectoryUserDto, type OrgActivityEventDto, type SystemDto } from '@mtp/api-client';

import { problemMessage } from '../../core/http/problem-message';
import { ApiProblem } from '../../core/http/api-problem';

const ACTIONS: Record<string, string> = {
  'orgs.user.created': 'created user',
  'orgs.user.updated': 'edited user',
  'orgs.user.suspended': 'suspended user',
  'orgs.user.activated': 'activated user',
  'orgs.user.unlocked': 'unlocked user',
  'orgs.user.mfa_reset': 'reset the MFA of user',
  'orgs.user.deleted': 'deleted user',
  'orgs.system.updated': 'changed system',
  'orgs.system.deleted': 'deleted system',
  'orgs.admin.added': 'added admin',
  'orgs.admin.removed': 'removed admin',
  'orgs.settings.updated': 'changed the settings',
  'orgs.created': 'created the organization',
  'partners.org.attached': 'put the organization under a partner’s management',
  'verification.verified': 'verified a partner’s request to manage the organization',
  'verification.declined': 'declined a partner’s request to manage the organization',
  'sessions.launched': 'launched a management session into the organization',
  'sessions.ended': 'ended a launch session',
};

/** An event's action in words; an action the portal does not know yet is shown as the API names it. */
export function actionWords(event: OrgActivityEventDto): string {
  return ACTIONS[event.action] ?? event.action;
}

/** What the event was about, by the name the details carry when there is one. */
export function targetWords(event: OrgActivityEventDto): string {
  const details = event.details ?? {};
  for (const key of ['username', 'hostname', 'email', 'name']) {
    const value: unknown = details[key];
    if (typeof value === 'string' && value) {
      return value;
    }
  }
  return event.targetType === 'org' || !event.targetId ? '' : event.targetId;
}

const USER_STATE_WORDS: Record<DirectoryUserDto['state'], string> = {
  staged: 'Staged',
  active: 'Active',
  suspended: 'Suspended',
};

const OS_WORDS: Record<SystemDto['osFamily'], string> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  other: 'Other',
};

export function stateWord(state: string): string {
  return USER_STATE_WORDS[state as DirectoryUserDto['state']] ?? state;
}

export function osWord(family: string): string {
  return OS_WORDS[family as SystemDto['osFamily']] ?? family;
}

export function fullName(user: Pick<DirectoryUserDto, 'firstName' | 'lastName'>): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ');
}

/**
 * A failed console change in words. Conflicts (`orgs.username_taken`, `orgs.user_cap_reached`,
 * `orgs.last_admin`, ...) carry the API's own sentence, which names the rule that was hit.
 */
export function consoleProblem(error: unknown, doing: string): string {
  if (error instanceof ApiProblem && error.status === 404) {
    return 'It is no longer there: someone may have removed it. The list is shown again as it is now.';
  }
  return problemMessage(error, doing);
}
