import { CommonErrorCodes, type HealthStatus } from '@mtp/contract';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { APP_VERSION } from '../app-version.js';

const DATABASE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** From the moment shutdown starts, readiness fails so that a load balancer stops sending traffic. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  live(): HealthStatus {
    return { status: 'ok', checks: {}, version: APP_VERSION };
  }

  async ready(): Promise<HealthStatus> {
    if (this.shuttingDown) throw new DomainError(CommonErrorCodes.notReady, 503, 'This instance is shutting down');
    const started = performance.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS).unref()),
      ]);
    } catch {
      throw new DomainError(CommonErrorCodes.notReady, 503, 'The database does not answer');
    }
    return { status: 'ok', checks: { database: { status: 'up', latencyMs: Math.round(performance.now() - started) } }, version: APP_VERSION };
  }
}
