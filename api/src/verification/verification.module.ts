import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { MailModule } from '../mail/mail.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { PartnerVerificationsController } from './partner-verifications.controller.js';
import { PublicVerificationsController } from './public-verifications.controller.js';
import { VerificationCompletionService } from './verification-completion.service.js';
import { VerificationRequest } from './verification-request.entity.js';
import { VerificationRequestsService } from './verification-requests.service.js';

/** Verifying an existing org through one of its admins' email; it associates through the partners module. */
@Module({
  imports: [TypeOrmModule.forFeature([VerificationRequest]), IdentityModule, MailModule, OrgsModule, PartnersModule],
  controllers: [PartnerVerificationsController, PublicVerificationsController],
  providers: [VerificationRequestsService, VerificationCompletionService],
  exports: [VerificationRequestsService, VerificationCompletionService],
})
export class VerificationModule {}
