import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.provider.js';
import { MailModule } from '../mail/mail.module.js';
import { AccessGuard } from './access/access.guard.js';
import { LaunchAccessDirectory } from './access/launch-access.js';
import { StaffAccessDirectory } from './access/staff-access.js';
import { OrgAccessDirectory } from './access/org-access.js';
import { PartnerAccessDirectory } from './access/partner-access.js';
import { EnrollmentJwtStrategy, OrgCallerJwtStrategy, PortalJwtStrategy } from './access/jwt-strategies.js';
import { Administrator } from './administrators/administrator.entity.js';
import { AdministratorsService } from './administrators/administrators.service.js';
import { AccountController } from './auth/account.controller.js';
import { AccountService } from './auth/account.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { MembershipDirectory } from './auth/membership-directory.js';
import { PasswordResetService } from './auth/password-reset.service.js';
import { TokenService } from './auth/token.service.js';
import { MfaService } from './mfa/mfa.service.js';
import { RecoveryCode } from './mfa/recovery-code.entity.js';
import { TotpFactor } from './mfa/totp-factor.entity.js';
import { PostgresRateLimiter } from './rate-limit/postgres-rate-limiter.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { AuthSession } from './sessions/auth-session.entity.js';
import { AuthSessionsService } from './sessions/auth-sessions.service.js';
import { PasswordResetToken } from './sessions/password-reset-token.entity.js';
import { RefreshToken } from './sessions/refresh-token.entity.js';
import { StaffAuthService } from './auth/staff-auth.service.js';
import { StaffService } from './staff.service.js';
import { StaffUser } from './staff-user.entity.js';

/** Who the caller is and what they may do: accounts, sign-in, MFA, sessions, and the global guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StaffUser, Administrator, TotpFactor, RecoveryCode, AuthSession, RefreshToken, PasswordResetToken]),
    PassportModule,
    MailModule,
  ],
  controllers: [AuthController, AccountController],
  providers: [
    StaffService,
    StaffAuthService,
    AdministratorsService,
    MfaService,
    AuthSessionsService,
    TokenService,
    AuthService,
    AccountService,
    PasswordResetService,
    MembershipDirectory,
    OrgAccessDirectory,
    PartnerAccessDirectory,
    LaunchAccessDirectory,
    StaffAccessDirectory,
    PortalJwtStrategy,
    OrgCallerJwtStrategy,
    EnrollmentJwtStrategy,
    PostgresRateLimiter,
    {
      provide: RateLimiter,
      inject: [AppConfig, PostgresRateLimiter],
      useFactory: (config: AppConfig, postgres: PostgresRateLimiter) => (config.env.REDIS_URL ? new RedisRateLimiter(config.env.REDIS_URL) : postgres),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [StaffService, StaffAuthService, AdministratorsService, MfaService, MembershipDirectory, OrgAccessDirectory, PartnerAccessDirectory, LaunchAccessDirectory, StaffAccessDirectory, TokenService, AuthSessionsService, PasswordResetService, AuthService, RateLimiter],
})
export class IdentityModule {}
