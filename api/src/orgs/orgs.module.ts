import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { OrgAdmin } from './admins/org-admin.entity.js';
import { OrganizationsController } from './organizations/organizations.controller.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { Organization } from './organizations/organization.entity.js';
import { OrgStats } from './organizations/org-stats.entity.js';
import { System } from './systems/system.entity.js';
import { DirectoryUser } from './users/directory-user.entity.js';
import { DirectoryUsersController } from './users/users.controller.js';
import { DirectoryUsersRepository } from './users/users.repository.js';
import { DirectoryUsersService } from './users/users.service.js';

/** Customer organizations and the org console API: directory users, systems, org admins. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrgStats, OrgAdmin, DirectoryUser, System]), IdentityModule],
  controllers: [OrganizationsController, DirectoryUsersController],
  providers: [OrganizationsService, DirectoryUsersService, DirectoryUsersRepository],
  exports: [OrganizationsService],
})
export class OrgsModule {}
