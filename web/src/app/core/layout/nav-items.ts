import { type AppIconName } from '../icons/app-icons';

export interface NavItem {
  readonly label: string;
  readonly path: string;
  readonly icon: AppIconName;
  /** Who sees the entry: everyone, or only visitors who have (not) signed in. */
  readonly audience: 'everyone' | 'signed-in' | 'signed-out';
}

/** Only pages that exist are listed; each feature adds its entry when its route lands. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '/', icon: 'home', audience: 'everyone' },
  { label: 'My account', path: '/account', icon: 'account', audience: 'signed-in' },
  // Also for signed-out visitors: a password reset is read there before signing in.
  { label: 'Dev mailbox', path: '/dev/mailbox', icon: 'mail', audience: 'everyone' },
  { label: 'Sign in', path: '/sign-in', icon: 'sign-in', audience: 'signed-out' },
];
