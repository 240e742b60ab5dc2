import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { BackofficeModule } from './backoffice/backoffice.module.js';
import { CommonModule } from './common/common.module.js';
import { SeedModule } from './database/seed/seed.module.js';
import { AppConfig } from './config/app-config.provider.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MailModule } from './mail/mail.module.js';
import { OrgsModule } from './orgs/orgs.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { SupportModule } from './support/support.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { WebAppModule } from './web-app.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        CommonModule,
        AuditModule,
        DatabaseModule,
        HealthModule,
        IdentityModule,
        MailModule,
        OrgsModule,
        PartnersModule,
        SessionsModule,
        SupportModule,
        VerificationModule,
        BackofficeModule,
        SeedModule,
        WebAppModule.forRoot(config.env.WEB_DIST_DIR, config.env.NODE_ENV !== 'test'),
      ],
    };
  }
}
