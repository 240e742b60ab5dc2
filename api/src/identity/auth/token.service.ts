import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.provider.js';

export const TOKEN_ISSUER = 'mtp';
export const JWT_ALGORITHM = 'HS256' as const;
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const CHALLENGE_TOKEN_SECONDS = 10 * 60;
export const ORG_CONSOLE_TOKEN_GRACE_SECONDS = 5 * 60;

/** Each token names what it is for; a token is accepted only where its audience is expected. */
export type TokenAudience = 'portal' | 'mfa-challenge' | 'mfa-enrollment' | 'org-console';

export interface PortalClaims {
  sub: string;
  sid: string;
  aud: 'portal';
}

/**
 * A launch session's token for the org console of one org. The subject is the partner admin and the
 * actor claim (RFC 8693 `act`) says they act as an admin of a partner, not as one of the org's own.
 */
export interface OrgConsoleClaims {
  sub: string;
  sid: string;
  aud: 'org-console';
  /** The public OrgID the token is for. */
  org: string;
  partner_id: string;
  role: string;
  act: { sub: string; partner_id: string };
}

export interface ChallengeClaims {
  sub: string;
  aud: 'mfa-challenge' | 'mfa-enrollment';
}

const keys = new WeakMap<AppConfig, KeyObject>();

/** The HMAC key of the JWTs as a key object, made once per configuration (see jwt-strategies.ts for why). */
export function jwtKeyOf(config: AppConfig): KeyObject {
  let key = keys.get(config);
  if (!key) {
    key = createSecretKey(Buffer.from(config.secrets.jwtSecret, 'utf8'));
    keys.set(config, key);
  }
  return key;
}

/** Signs the short-lived JWTs: portal access tokens and the single-purpose sign-in challenges. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.jwt = new JwtService({ secret: jwtKeyOf(config), signOptions: { algorithm: JWT_ALGORITHM, issuer: TOKEN_ISSUER } });
  }

  accessToken(administratorId: string, sessionId: string): string {
    return this.sign({ sub: administratorId, sid: sessionId }, 'portal', ACCESS_TOKEN_SECONDS);
  }

  /** The org-console token of a launch session: valid until the session expires, and checked against it on every request. */
  orgConsoleToken(session: { administratorId: string; sessionId: string; publicOrgId: string; partnerId: string; role: string; expiresAt: Date }): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    // A little past the session's expiry: the session row decides when it ends, so that a request
    // just after expiry is told `sessions.ended (expired)` rather than a bare 401 for the token.
    const exp = Math.floor(session.expiresAt.getTime() / 1000) + ORG_CONSOLE_TOKEN_GRACE_SECONDS;
    const claims = {
      sub: session.administratorId,
      sid: session.sessionId,
      org: session.publicOrgId,
      partner_id: session.partnerId,
      role: session.role,
      act: { sub: session.administratorId, partner_id: session.partnerId },
    };
    return this.jwt.sign({ ...claims, iat, exp, jti: randomUUID() }, { audience: 'org-console' });
  }

  challengeToken(administratorId: string, audience: ChallengeClaims['aud']): string {
    return this.sign({ sub: administratorId }, audience, CHALLENGE_TOKEN_SECONDS);
  }

  /** Verifies a challenge token given in a request body; null when it is not valid for `audience`. */
  verifyChallenge(token: string, audience: ChallengeClaims['aud']): ChallengeClaims | null {
    try {
      return this.jwt.verify<ChallengeClaims>(token, {
        audience,
        issuer: TOKEN_ISSUER,
        algorithms: [JWT_ALGORITHM],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      return null;
    }
  }

  private sign(claims: Record<string, string>, audience: TokenAudience, seconds: number): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return this.jwt.sign({ ...claims, iat, exp: iat + seconds, jti: randomUUID() }, { audience });
  }
}
