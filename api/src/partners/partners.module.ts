import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { MailModule } from '../mail/mail.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { PartnerAdminOrg } from './admins/partner-admin-org.entity.js';
import { PartnerAdmin } from './admins/partner-admin.entity.js';
import { PartnerAdminsController } from './admins/partner-admins.controller.js';
import { PartnerAdminsService } from './admins/partner-admins.service.js';
import { ApplicationsService } from './applications/applications.service.js';
import { PartnerApplication } from './applications/partner-application.entity.js';
import { PublicApplicationsController } from './applications/public-applications.controller.js';
import { AssociationsService } from './associations/associations.service.js';
import { PartnerAssociation } from './associations/partner-association.entity.js';
import { InvitationAcceptanceService } from './invitations/invitation-acceptance.service.js';
import { PartnerInvitation } from './invitations/partner-invitation.entity.js';
import { PartnerInvitationsController } from './invitations/partner-invitations.controller.js';
import { PartnerInvitationsService } from './invitations/partner-invitations.service.js';
import { PublicInvitationsController } from './invitations/public-invitations.controller.js';
import { PartnerDirectoryController } from './dashboard/partner-directory.controller.js';
import { PartnerOverviewController } from './dashboard/partner-overview.controller.js';
import { PartnerOrgsController } from './orgs/partner-orgs.controller.js';
import { PartnerOrgsService } from './orgs/partner-orgs.service.js';
import { Partner } from './partner.entity.js';
import { PartnersService } from './partners.service.js';
import { StaffPartnersService } from './staff-partners.service.js';
import { PartnerSettingsController } from './settings/partner-settings.controller.js';

/** Partners, their admins and roles, their portfolio of orgs, invitations and applications. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Partner, PartnerAdmin, PartnerAdminOrg, PartnerAssociation, PartnerInvitation, PartnerApplication]),
    IdentityModule,
    MailModule,
    OrgsModule,
  ],
  controllers: [
    PartnerSettingsController,
    PartnerOverviewController,
    PartnerOrgsController,
    PartnerDirectoryController,
    PartnerAdminsController,
    PartnerInvitationsController,
    PublicInvitationsController,
    PublicApplicationsController,
  ],
  providers: [PartnerOrgsService, PartnersService, StaffPartnersService, AssociationsService, PartnerAdminsService, PartnerInvitationsService, InvitationAcceptanceService, ApplicationsService],
  exports: [PartnersService, StaffPartnersService, AssociationsService, PartnerAdminsService, PartnerInvitationsService, ApplicationsService],
})
export class PartnersModule {}
