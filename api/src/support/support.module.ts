import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { MailModule } from '../mail/mail.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { DetachmentService } from './detachment.service.js';
import { PartnerRequestsController } from './partner-requests.controller.js';
import { RequestChanges } from './request-changes.js';
import { StaffRequestsController } from './staff-requests.controller.js';
import { StaffRequestsService } from './staff-requests.service.js';
import { SupportRequestEvent } from './support-request-event.entity.js';
import { SupportRequest } from './support-request.entity.js';
import { SupportRequestsRepository } from './support-requests.repository.js';
import { SupportRequestsService } from './support-requests.service.js';

/** Support requests (detach, training, general) between partners and platform staff, and detachment. */
@Module({
  imports: [TypeOrmModule.forFeature([SupportRequest, SupportRequestEvent]), IdentityModule, MailModule, OrgsModule, PartnersModule],
  controllers: [PartnerRequestsController, StaffRequestsController],
  providers: [SupportRequestsService, StaffRequestsService, DetachmentService, RequestChanges, SupportRequestsRepository],
  exports: [StaffRequestsService],
})
export class SupportModule {}
