import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { LaunchSessionsRepository } from './launch-sessions.repository.js';
import { LaunchSessionsService } from './launch-sessions.service.js';
import { OrgPartnerAccessController } from './org-partner-access.controller.js';
import { PartnerSessionsController } from './partner-sessions.controller.js';

/** Launch sessions: scoped org-console tokens into a partner's orgs, their expiry and revocation. */
@Module({
  imports: [IdentityModule, OrgsModule],
  controllers: [PartnerSessionsController, OrgPartnerAccessController],
  providers: [LaunchSessionsService, LaunchSessionsRepository],
  exports: [LaunchSessionsService],
})
export class SessionsModule {}
