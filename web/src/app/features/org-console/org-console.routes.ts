import { type Routes } from '@angular/router';

/** The tabs of the org console, each loaded when first opened. */
export const ORG_CONSOLE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
  },
  {
    path: 'users',
    title: 'Users · Organization · MTP',
    loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
  },
  {
    path: 'systems',
    title: 'Systems · Organization · MTP',
    loadComponent: () => import('./systems/systems-page').then((m) => m.SystemsPage),
  },
  {
    path: 'admins',
    title: 'Admins · Organization · MTP',
    loadComponent: () => import('./admins/admins-page').then((m) => m.AdminsPage),
  },
  {
    path: 'activity',
    title: 'Activity · Organization · MTP',
    loadComponent: () => import('./activity/activity-page').then((m) => m.ActivityPage),
  },
  {
    path: 'settings',
    title: 'Settings · Organization · MTP',
    loadComponent: () => import('./settings/settings-page').then((m) => m.SettingsPage),
  },
  {
    path: 'partner-access',
    title: 'Partner access · Organization · MTP',
    loadComponent: () => import('./partner-access/partner-access-page').then((m) => m.PartnerAccessPage),
  },
];
