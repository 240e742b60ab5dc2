import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import { PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config.provider.js';

const PgStore = connectPgSimple(session);

/** Back-office sessions live in PostgreSQL so that every instance behind a load balancer shares them. */
@Injectable()
export class BackofficeSessionStore implements OnApplicationShutdown {
  readonly store: InstanceType<typeof PgStore>;

  constructor(config: AppConfig, logger: PinoLogger) {
    logger.setContext(BackofficeSessionStore.name);
    this.store = new PgStore({
      conString: config.databaseUrl,
      tableName: 'backoffice_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      errorLog: (...args: unknown[]) => logger.error({ detail: args.map(String).join(' ') }, 'back-office session store error'),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // The typings say void; connect-pg-simple 10 returns the pool's end() promise.
    await (this.store.close() as unknown as Promise<void> | undefined);
  }
}
