import { AdminModule } from '@adminjs/nestjs';
import { Database, Resource } from '@adminjs/typeorm';
import { Module } from '@nestjs/common';
import AdminJS from 'adminjs';
import { AppConfig } from '../config/app-config.provider.js';
import { IdentityModule } from '../identity/identity.module.js';
import { BackofficeLoader } from './backoffice.loader.js';
import { BackofficeSessionStore } from './backoffice-session-store.js';
import { staffUserResource } from './resources/staff-user.resource.js';

export const BACKOFFICE_PATH = '/admin';
const SESSION_TTL_SECONDS = 8 * 60 * 60;

AdminJS.registerAdapter({ Database, Resource });

@Module({ imports: [IdentityModule], providers: [BackofficeSessionStore], exports: [IdentityModule, BackofficeSessionStore] })
class BackofficeDependenciesModule {}

/** The platform staff's back-office: AdminJS, signed in with a staff account, sessions kept in PostgreSQL. */
@Module({
  imports: [
    BackofficeDependenciesModule,
    AdminModule.createAdminAsync({
      imports: [BackofficeDependenciesModule],
      inject: [AppConfig, BackofficeSessionStore],
      customLoader: BackofficeLoader,
      useFactory: (config: AppConfig, sessions: BackofficeSessionStore) => {
        return {
          adminJsOptions: {
            rootPath: BACKOFFICE_PATH,
            resources: [staffUserResource()],
            branding: { companyName: 'MTP back-office', withMadeWithLove: false },
          },
          auth: {
            cookieName: 'mtp_backoffice',
            cookiePassword: config.secrets.cookieSecret,
            // Staff sign in through the back-office's own pages (password and MFA); AdminJS's
            // password-only form, were it ever reached, grants nothing.
            authenticate: () => Promise.resolve(null),
          },
          sessionOptions: {
            store: sessions.store,
            secret: config.secrets.cookieSecret,
            name: 'mtp_backoffice',
            resave: false,
            saveUninitialized: false,
            cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_TTL_SECONDS * 1000 },
          },
        };
      },
    }),
  ],
})
export class BackofficeModule {}
