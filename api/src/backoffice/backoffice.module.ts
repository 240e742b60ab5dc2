import { AdminModule } from '@adminjs/nestjs';
import { Database, Resource } from '@adminjs/typeorm';
import { Module } from '@nestjs/common';
import AdminJS from 'adminjs';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.provider.js';
import { AdministratorsService } from '../identity/administrators/administrators.service.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ApplicationsService } from '../partners/applications/applications.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import { PartnerInvitationsService } from '../partners/invitations/partner-invitations.service.js';
import { PartnersModule } from '../partners/partners.module.js';
import { PartnersService } from '../partners/partners.service.js';
import { StaffPartnersService } from '../partners/staff-partners.service.js';
import { StaffRequestsService } from '../support/staff-requests.service.js';
import { SupportModule } from '../support/support.module.js';
import { BackofficeLoader } from './backoffice.loader.js';
import { BackofficeSessionStore } from './backoffice-session-store.js';
import { backofficeResources } from './resources/backoffice-resources.js';
import { backofficeSessionOptions, StaffApiAccess } from './staff-api-access.js';

export const BACKOFFICE_PATH = '/admin';
AdminJS.registerAdapter({ Database, Resource });

// The resources' actions go through the partners' and support services, never through raw record writes.
@Module({
  imports: [IdentityModule, PartnersModule, SupportModule],
  providers: [BackofficeSessionStore, StaffApiAccess],
  exports: [IdentityModule, PartnersModule, SupportModule, BackofficeSessionStore],
})
class BackofficeDependenciesModule {}

/** The platform staff's back-office: AdminJS, signed in with a staff account, sessions kept in PostgreSQL. */
@Module({
  imports: [
    BackofficeDependenciesModule,
    AdminModule.createAdminAsync({
      imports: [BackofficeDependenciesModule],
      inject: [AppConfig, BackofficeSessionStore, PartnersService, StaffPartnersService, ApplicationsService, PartnerInvitationsService, AssociationsService, AdministratorsService, StaffRequestsService, Clock],
      customLoader: BackofficeLoader,
      useFactory: (
        config: AppConfig,
        sessions: BackofficeSessionStore,
        partners: PartnersService,
        staffPartners: StaffPartnersService,
        applications: ApplicationsService,
        invitations: PartnerInvitationsService,
        associations: AssociationsService,
        administrators: AdministratorsService,
        staffRequests: StaffRequestsService,
        clock: Clock,
      ) => {
        return {
          adminJsOptions: {
            rootPath: BACKOFFICE_PATH,
            resources: backofficeResources({ partners, staffPartners, applications, invitations, associations, administrators, staffRequests, clock }),
            branding: { companyName: 'MTP back-office', withMadeWithLove: false },
          },
          auth: {
            cookieName: 'mtp_backoffice',
            cookiePassword: config.secrets.cookieSecret,
            // Staff sign in through the back-office's own pages (password and MFA); AdminJS's
            // password-only form, were it ever reached, grants nothing.
            authenticate: () => Promise.resolve(null),
          },
          sessionOptions: backofficeSessionOptions(config, sessions),
        };
      },
    }),
  ],
})
export class BackofficeModule {}
