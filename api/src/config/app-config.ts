import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const PORT_MESSAGE = 'PORT must be a whole number from 0 to 65535';

/** Every setting the portal reads from its environment; validated once, at boot. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: PORT_MESSAGE }) @Min(0, { message: PORT_MESSAGE }) @Max(65535, { message: PORT_MESSAGE })
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(1)
  DATA_DIR = '.data';

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From: of every email sent over SMTP. */
  @Transform(({ value }) => (value === undefined || value === '' ? 'MTP <no-reply@localhost>' : value))
  @IsString() @Matches(/@/, { message: 'MAIL_FROM must hold an email address, e.g. "MTP <no-reply@example.com>"' })
  MAIL_FROM = 'MTP <no-reply@localhost>';

  /** Where platform staff are told of each new support request. */
  @Transform(({ value }) => (value === undefined || value === '' ? 'support@mtp.local' : value))
  @IsEmail({}, { message: 'STAFF_EMAIL must be one email address, e.g. support@example.com' })
  STAFF_EMAIL = 'support@mtp.local';

  /** How often the mail worker looks for due email when idle; 0 runs no worker in this instance. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt() @Min(0) @Max(3_600_000)
  MAIL_POLL_INTERVAL_MS = 1000;

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Comma-separated origins allowed to call the API from a browser; none by default. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  /** Load the demo partner, orgs and accounts into an empty database. */
  @Transform(toBoolean) @IsOptional() @IsBoolean()
  DEMO_DATA?: boolean;

  /** Public address of the portal, used in emails and printed links. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'COOKIE_SECRET must be at least 32 characters' })
  COOKIE_SECRET?: string;

  /** 32 bytes, base64: the key that encrypts secrets at rest (TOTP seeds). */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'ENCRYPTION_KEY must be 32 bytes encoded as base64 (44 characters)' })
  ENCRYPTION_KEY?: string;

  /** Where the built Angular portal lives; served at `/`. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  WEB_DIST_DIR?: string;
}

export const SETTING_NAMES = [
  'NODE_ENV', 'PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'SMTP_URL', 'REDIS_URL', 'LOG_LEVEL', 'CORS_ORIGINS',
  'DEMO_DATA', 'PUBLIC_URL', 'JWT_SECRET', 'COOKIE_SECRET', 'ENCRYPTION_KEY', 'WEB_DIST_DIR',
  'MAIL_FROM', 'MAIL_POLL_INTERVAL_MS', 'STAFF_EMAIL',
] as const satisfies readonly (keyof EnvironmentVariables)[];

export class ConfigError extends Error {}

/** Validates the environment; throws one ConfigError whose message names every bad variable. */
export function parseEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const input = Object.fromEntries(SETTING_NAMES.map((name) => [name, env[name]]).filter(([, value]) => value !== undefined));
  const parsed = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const reasons = errors.map((error) => Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`);
    throw new ConfigError(`Invalid configuration: ${reasons.join('; ')}`);
  }
  return parsed;
}
