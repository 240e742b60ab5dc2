import type { AppSecrets } from './secrets.js';
import type { EnvironmentVariables } from './app-config.js';

/** The portal's resolved configuration, injected wherever a setting is needed. */
export class AppConfig {
  constructor(
    readonly env: EnvironmentVariables,
    readonly secrets: AppSecrets,
    /** The database actually used: DATABASE_URL, or the embedded server's address. */
    readonly databaseUrl: string,
    readonly dataDir: string,
    readonly embeddedDatabase: boolean,
  ) {}

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get demoData(): boolean {
    return this.env.DEMO_DATA ?? this.embeddedDatabase;
  }

  get publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }

  get corsOrigins(): string[] {
    return (this.env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  }
}
