import type { OrgPermission } from '../identity/access/access-rules.js';

/** The partner roles that may launch (read-only admins only look at the dashboard). */
export const LAUNCH_ROLES = ['owner', 'admin', 'manager', 'helpdesk'] as const;
export type LaunchRole = (typeof LAUNCH_ROLES)[number];

/**
 * What a launched admin may do in the org, by partner role: helpdesk helps users (unlock, reset
 * MFA, suspend, activate) and looks; manager and above do what an org admin does. Overseeing the
 * partner's own access is for the org's own admins only, so no role gets `org.oversight`.
 */
const LAUNCH_PERMISSIONS: Record<LaunchRole, readonly OrgPermission[]> = {
  owner: ['org.view', 'users.support', 'org.manage'],
  admin: ['org.view', 'users.support', 'org.manage'],
  manager: ['org.view', 'users.support', 'org.manage'],
  helpdesk: ['org.view', 'users.support'],
};

export function launchPermissions(role: LaunchRole): OrgPermission[] {
  return [...LAUNCH_PERMISSIONS[role]];
}

export function launchAllows(role: LaunchRole, permission: OrgPermission): boolean {
  return LAUNCH_PERMISSIONS[role].includes(permission);
}
