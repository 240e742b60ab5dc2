import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { AppConfig } from '../config/app-config.provider.js';

export const DATABASE_POOL_SIZE = 10;

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres',
        url: config.databaseUrl,
        autoLoadEntities: true,
        namingStrategy: new SnakeNamingStrategy(),
        // The schema is owned by the committed SQL migrations, never by the entities.
        synchronize: false,
        migrationsRun: false,
        uuidExtension: 'pgcrypto',
        installExtensions: false,
        extra: { max: DATABASE_POOL_SIZE, application_name: 'mtp-api' },
      }),
    }),
  ],
})
export class DatabaseModule {}
