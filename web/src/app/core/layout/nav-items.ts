import { type AppIconName } from '../icons/app-icons';

export interface NavItem {
  readonly label: string;
  readonly path: string;
  readonly icon: AppIconName;
  /** Who sees the entry: everyone, or only visitors who have (not) signed in. */
  readonly audience: 'everyone' | 'signed-in' | 'signed-out';
  /** When set, only a member of a partner with one of these roles sees the entry. */
  readonly partnerRoles?: readonly string[];
}

/** Only pages that exist are listed; each feature adds its entry when its route lands. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '/', icon: 'home', audience: 'everyone' },
  {
    label: 'Organizations',
    path: '/partner/orgs',
    icon: 'group',
    audience: 'signed-in',
    partnerRoles: ['owner', 'admin', 'manager', 'helpdesk', 'readonly'],
  },
  // Read-only admins never launch, so they have no sessions to list.
  { label: 'Sessions', path: '/partner/sessions', icon: 'schedule', audience: 'signed-in', partnerRoles: ['owner', 'admin', 'manager', 'helpdesk'] },
  // The roles the partner routes admit: the API serves verifications, and lists the admins, to owners and admins only.
  { label: 'Verifications', path: '/partner/verifications', icon: 'verified', audience: 'signed-in', partnerRoles: ['owner', 'admin'] },
  { label: 'Partner admins', path: '/partner/admins', icon: 'group', audience: 'signed-in', partnerRoles: ['owner', 'admin'] },
  // Every role may ask platform support for training or help; only owners and admins ask to detach an org.
  {
    label: 'Requests',
    path: '/partner/requests',
    icon: 'support',
    audience: 'signed-in',
    partnerRoles: ['owner', 'admin', 'manager', 'helpdesk', 'readonly'],
  },
  {
    label: 'Partner settings',
    path: '/partner/settings',
    icon: 'tune',
    audience: 'signed-in',
    partnerRoles: ['owner', 'admin', 'manager', 'helpdesk', 'readonly'],
  },
  { label: 'My account', path: '/account', icon: 'account', audience: 'signed-in' },
  // Also for signed-out visitors: a password reset is read there before signing in.
  { label: 'Dev mailbox', path: '/dev/mailbox', icon: 'mail', audience: 'everyone' },
  { label: 'Sign in', path: '/sign-in', icon: 'sign-in', audience: 'signed-out' },
];
