import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module.js';
import { OrgsModule } from '../../orgs/orgs.module.js';
import { PartnersModule } from '../../partners/partners.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, OrgsModule, PartnersModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class SeedModule {}
