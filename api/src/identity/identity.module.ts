import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffService } from './staff.service.js';
import { StaffUser } from './staff-user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser])],
  providers: [StaffService],
  exports: [StaffService],
})
export class IdentityModule {}
