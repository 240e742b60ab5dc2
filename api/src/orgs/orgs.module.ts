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
import { System } from './systems/system.entity.js';
import { DirectoryUser } from './users/directory-user.entity.js';
import { DirectoryUsersController } from './users/users.controller.js';
import { DirectoryUsersRepository } from './users/users.repository.js';
import { DirectoryUsersService } from './users/users.service.js';

/** Customer organizations and the org console API: directory users, systems, org admins. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrgStats, OrgAdmin, DirectoryUser, System]), IdentityModule, MailModule],
  controllers: [OrganizationsController, DirectoryUsersController, SystemsController, OrgAdminsController],
  providers: [OrganizationsService, OrgDirectoryService, DirectoryUsersService, DirectoryUsersRepository, SystemsService, OrgAdminsService],
  exports: [OrganizationsService, OrgDirectoryService],
})
export class OrgsModule {}
