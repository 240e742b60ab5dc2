import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { provideSessionRestore } from './core/auth/session.service';
import { apiDefaultsInterceptor } from './core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from './core/http/api-problem.interceptor';
import { provideAppIcons } from './core/icons/app-icons';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // Outermost first: the auth interceptor sees failures already turned into ApiProblem.
    provideHttpClient(withInterceptors([apiDefaultsInterceptor, authInterceptor, apiProblemInterceptor])),
    provideAppIcons(),
    provideSessionRestore(),
  ],
};
