import { type Routes } from '@angular/router';

import { LAUNCHERS } from '../launch/launch-words';
import { VERIFIERS } from '../verification/verification-roles';
import { ADMINS_VIEWERS, PARTNER_ROLES } from './partner-role';
import { partnerRoleGuard } from './partner-role.guard';

/** The partner's own pages, each loaded when first opened and open to the roles the API serves. */
export const PARTNER_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'settings' },
  {
    path: 'orgs',
    title: 'Organizations · MTP',
    canActivate: [partnerRoleGuard(PARTNER_ROLES)],
    loadComponent: () => import('./directory/directory-page').then((m) => m.DirectoryPage),
  },
  {
    path: 'sessions',
    title: 'Launch sessions · MTP',
    canActivate: [partnerRoleGuard(LAUNCHERS)],
    loadComponent: () => import('./sessions/sessions-page').then((m) => m.PartnerSessionsPage),
  },
  {
    path: 'admins',
    title: 'Partner admins · MTP',
    canActivate: [partnerRoleGuard(ADMINS_VIEWERS)],
    loadComponent: () => import('./admins/admins-page').then((m) => m.PartnerAdminsPage),
  },
  {
    path: 'verifications',
    title: 'Verifications · MTP',
    canActivate: [partnerRoleGuard(VERIFIERS)],
    loadComponent: () => import('../verification/verifications-page').then((m) => m.VerificationsPage),
  },
  {
    path: 'verifications/bulk',
    title: 'Verify many organizations · MTP',
    canActivate: [partnerRoleGuard(VERIFIERS)],
    loadComponent: () => import('../verification/bulk-page').then((m) => m.BulkVerificationPage),
  },
  {
    path: 'requests',
    title: 'Requests · MTP',
    canActivate: [partnerRoleGuard(PARTNER_ROLES)],
    loadComponent: () => import('./requests/requests-page').then((m) => m.RequestsPage),
  },
  {
    path: 'requests/:requestId',
    title: 'Request · MTP',
    canActivate: [partnerRoleGuard(PARTNER_ROLES)],
    loadComponent: () => import('./requests/request-detail-page').then((m) => m.RequestDetailPage),
  },
  {
    path: 'settings',
    title: 'Partner settings · MTP',
    canActivate: [partnerRoleGuard(PARTNER_ROLES)],
    loadComponent: () => import('./settings/settings-page').then((m) => m.PartnerSettingsPage),
  },
];
