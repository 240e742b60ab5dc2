/** The roles of a partner's admins, from most to least powerful. */
export const PARTNER_ROLES = ['owner', 'admin', 'manager', 'helpdesk', 'readonly'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const ORG_ACCESS_KINDS = ['all', 'selected'] as const;
export type OrgAccessKind = (typeof ORG_ACCESS_KINDS)[number];

/** What a partner route may require of its caller's role. */
export type PartnerPermission =
  | 'partner.view'
  | 'admins.view'
  | 'admins.manage'
  | 'settings.manage'
  | 'orgs.manage'
  | 'orgs.launch'
  | 'users.manage'
  | 'requests.file';

/**
 * The one place where roles meet permissions. `owner` is the administrator with billing; `admin`
 * runs the portfolio; `manager` and `helpdesk` work inside orgs (their limits there come with launch);
 * `readonly` only looks, but may ask platform support for training or help (`requests.file`; detaching
 * an org takes `orgs.manage` besides). `users.manage` is the cross-org unlock and suspend of the dashboard.
 */
const PERMISSIONS: Record<PartnerRole, readonly PartnerPermission[]> = {
  owner: ['partner.view', 'admins.view', 'admins.manage', 'settings.manage', 'orgs.manage', 'orgs.launch', 'users.manage', 'requests.file'],
  admin: ['partner.view', 'admins.view', 'orgs.manage', 'orgs.launch', 'users.manage', 'requests.file'],
  manager: ['partner.view', 'orgs.launch', 'users.manage', 'requests.file'],
  helpdesk: ['partner.view', 'orgs.launch', 'users.manage', 'requests.file'],
  readonly: ['partner.view', 'requests.file'],
};

export function roleAllows(role: PartnerRole, permission: PartnerPermission): boolean {
  return PERMISSIONS[role].includes(permission);
}

export function isPartnerRole(value: unknown): value is PartnerRole {
  return typeof value === 'string' && (PARTNER_ROLES as readonly string[]).includes(value);
}
