import { type Routes } from '@angular/router';

import { signedOutGuard } from './core/auth/signed-out.guard';

/** Every feature is loaded when first visited, so the first page stays small. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'MTP — Multi-Tenant Portal',
    loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'sign-in',
    title: 'Sign in · MTP',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: '**',
    title: 'Page not found · MTP',
    loadComponent: () =>
      import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
