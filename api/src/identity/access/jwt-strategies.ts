import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config.provider.js';
import { JWT_ALGORITHM, jwtKeyOf, TOKEN_ISSUER, type ChallengeClaims, type OrgConsoleClaims, type PortalClaims } from '../auth/token.service.js';
import type { AdministratorPrincipal, EnrollmentPrincipal, OrgCaller } from './principal.js';

const options = (config: AppConfig, audience: string | string[]) => ({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to read it as
  // a public key on every verify, which cost ~0.6 ms of CPU per request. The types predate key objects.
  secretOrKey: jwtKeyOf(config) as unknown as Buffer,
  // Only the algorithm we sign with: `none` and key-confusion tricks are refused by construction.
  algorithms: [JWT_ALGORITHM],
  audience,
  issuer: TOKEN_ISSUER,
  ignoreExpiration: false,
});

/** Portal access tokens (audience `portal`). */
@Injectable()
export class PortalJwtStrategy extends PassportStrategy(Strategy, 'portal') {
  constructor(config: AppConfig) {
    super(options(config, 'portal'));
  }

  validate(claims: PortalClaims): AdministratorPrincipal {
    return { kind: 'administrator', administratorId: claims.sub, sessionId: claims.sid };
  }
}

/**
 * Org console routes take either a portal token (an org's own admin) or the org-console token of a
 * launch session; every other route takes only its own audience, so neither strays from its place.
 */
@Injectable()
export class OrgCallerJwtStrategy extends PassportStrategy(Strategy, 'org-caller') {
  constructor(config: AppConfig) {
    super(options(config, ['portal', 'org-console']));
  }

  validate(claims: PortalClaims | OrgConsoleClaims): OrgCaller {
    if (claims.aud === 'org-console') {
      return { kind: 'launch', administratorId: claims.sub, sessionId: claims.sid, partnerId: claims.partner_id, orgId: claims.org };
    }
    return { kind: 'administrator', administratorId: claims.sub, sessionId: claims.sid };
  }
}

/** The enrollment challenge, accepted only by the MFA enrollment routes. */
@Injectable()
export class EnrollmentJwtStrategy extends PassportStrategy(Strategy, 'mfa-enrollment') {
  constructor(config: AppConfig) {
    super(options(config, 'mfa-enrollment'));
  }

  validate(claims: ChallengeClaims): EnrollmentPrincipal {
    return { kind: 'mfa-enrollment', administratorId: claims.sub };
  }
}
