import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { OrgAdmin } from './admins/org-admin.entity.js';
import { OrgAdminsController } from './admins/org-admins.controller.js';
import { OrgAdminsService } from './admins/org-admins.service.js';
import { SystemsController } from './systems/systems.controller.js';
import { SystemsService } from './systems/systems.service.js';
import { MailModule } from '../mail/mail.module.js';
import { OrganizationsController } from './organizations/organizations.controller.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { OrgDirectoryService } from './organizations/org-directory.service.js';
import { Organization } from './organizations/organization.entity.js';
import { OrgStats } from './organizations/org-stats.entity.js';
import { PortfolioOrgsRepository } from './portfolio/portfolio-orgs.repository.js';
import { PortfolioOverviewRepository } from './portfolio/portfolio-overview.repository.js';
import { PortfolioSystemsRepository } from './portfolio/portfolio-systems.repository.js';
import { PortfolioUsersRepository } from './portfolio/portfolio-users.repository.js';
import { PortfolioService } from './portfolio/portfolio.service.js';
import { System } from './systems/system.entity.js';
import { DirectoryUser } from './users/directory-user.entity.js';
import { DirectoryUsersController } from './users/users.controller.js';
import { DirectoryUsersRepository } from './users/users.repository.js';
import { DirectoryUsersService } from './users/users.service.js';

/** Customer organizations and the org console API: directory users, systems, org admins; and the figures partners read across them. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrgStats, OrgAdmin, DirectoryUser, System]), IdentityModule, MailModule],
  controllers: [OrganizationsController, DirectoryUsersController, SystemsController, OrgAdminsController],
  providers: [
    OrganizationsService,
    OrgDirectoryService,
    DirectoryUsersService,
    DirectoryUsersRepository,
    SystemsService,
    OrgAdminsService,
    PortfolioService,
    PortfolioOverviewRepository,
    PortfolioOrgsRepository,
    PortfolioUsersRepository,
    PortfolioSystemsRepository,
  ],
  exports: [OrganizationsService, OrgDirectoryService, PortfolioService],
})
export class OrgsModule {}
