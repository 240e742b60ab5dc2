import { type Routes } from '@angular/router';

import { partnerHomeGuard, signInStepGuard, signedInGuard, signedOutGuard } from './core/auth/guards';

/** Every feature is loaded when first visited, so the first page stays small. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'MTP — Multi-Tenant Portal',
    canActivate: [partnerHomeGuard],
    loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'sign-in',
    title: 'Sign in · MTP',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-in/verify',
    title: 'Two-step sign-in · MTP',
    canActivate: [signedOutGuard, signInStepGuard('mfa')],
    loadComponent: () => import('./features/sign-in/mfa-page').then((m) => m.MfaPage),
  },
  {
    path: 'sign-in/set-up-mfa',
    title: 'Set up two-step sign-in · MTP',
    canActivate: [signedOutGuard, signInStepGuard('enrollment')],
    loadComponent: () => import('./features/sign-in/enrollment-page').then((m) => m.EnrollmentPage),
  },
  {
    path: 'forgot-password',
    title: 'Forgot password · MTP',
    loadComponent: () =>
      import('./features/password-reset/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · MTP',
    loadComponent: () =>
      import('./features/password-reset/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'account',
    title: 'My account · MTP',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/account/account-page').then((m) => m.AccountPage),
  },
  {
    path: 'choose',
    title: 'Where to go · MTP',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/landing/choose-page').then((m) => m.ChoosePage),
  },
  {
    path: 'no-access',
    title: 'No portal access yet · MTP',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/landing/no-access-page').then((m) => m.NoAccessPage),
  },
  {
    path: 'apply',
    title: 'Become a partner · MTP',
    data: { kind: 'partner' },
    loadComponent: () => import('./features/apply/application-page').then((m) => m.ApplicationPage),
  },
  {
    path: 'apply/evaluation',
    title: 'Request an evaluation · MTP',
    data: { kind: 'evaluation' },
    loadComponent: () => import('./features/apply/application-page').then((m) => m.ApplicationPage),
  },
  {
    path: 'accept-invitation',
    title: 'Accept your invitation · MTP',
    loadComponent: () =>
      import('./features/invitations/accept-invitation-page').then((m) => m.AcceptInvitationPage),
  },
  {
    path: 'verify-org',
    title: 'Approve a partner · MTP',
    loadComponent: () => import('./features/verification/approve-verification-page').then((m) => m.ApproveVerificationPage),
  },
  {
    path: 'partner',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/partner/partner.routes').then((m) => m.PARTNER_ROUTES),
  },
  {
    path: 'orgs/:orgId',
    title: 'Organization · MTP',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/org-console/console-layout').then((m) => m.ConsoleLayout),
    loadChildren: () => import('./features/org-console/org-console.routes').then((m) => m.ORG_CONSOLE_ROUTES),
  },
  {
    path: 'dev/mailbox',
    title: 'Dev mailbox · MTP',
    loadComponent: () => import('./features/dev-mailbox/mailbox-page').then((m) => m.MailboxPage),
  },
  {
    path: 'dev/mailbox/:id',
    title: 'Email · Dev mailbox · MTP',
    loadComponent: () => import('./features/dev-mailbox/message-page').then((m) => m.MessagePage),
  },
  {
    path: '**',
    title: 'Page not found · MTP',
    loadComponent: () =>
      import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
