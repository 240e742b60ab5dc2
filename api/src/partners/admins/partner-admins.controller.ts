import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { adminActor } from '../partner-actor.js';
import { PartnerAdminDto, UpdatePartnerAdminDto } from './partner-admins.dto.js';
import { PartnerAdminsService } from './partner-admins.service.js';

@ApiTags('partner admins')
@Controller({ path: 'partner/admins', version: '1' })
export class PartnerAdminsController {
  constructor(private readonly admins: PartnerAdminsService) {}

  @Get()
  @PartnerAdmin('admins.view')
  @ApiOperation({ operationId: 'listPartnerAdmins', summary: 'Your partner’s admins, with their roles and org access' })
  @ApiOkResponse({ type: [PartnerAdminDto] })
  list(@CurrentPartner() scope: PartnerScope): Promise<PartnerAdminDto[]> {
    return this.admins.list(scope);
  }

  @Patch(':administratorId')
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'updatePartnerAdmin', summary: 'Changes an admin’s role, org access or status (owners)' })
  @ApiOkResponse({ type: PartnerAdminDto })
  @ApiNotFoundResponse({ description: 'partners.admin_not_found, partners.org_not_found' })
  @ApiConflictResponse({ description: 'partners.last_owner' })
  update(@CurrentPartner() scope: PartnerScope, @Param('administratorId') administratorId: string, @Body() body: UpdatePartnerAdminDto, @ClientContext() context: RequestContext): Promise<PartnerAdminDto> {
    return this.admins.update(scope, administratorId, body, adminActor(scope, context));
  }

  @Delete(':administratorId')
  @HttpCode(204)
  @PartnerAdmin('admins.manage')
  @ApiOperation({ operationId: 'removePartnerAdmin', summary: 'Removes an admin from your partner (owners; never the last owner)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'partners.admin_not_found' })
  @ApiConflictResponse({ description: 'partners.last_owner' })
  remove(@CurrentPartner() scope: PartnerScope, @Param('administratorId') administratorId: string, @ClientContext() context: RequestContext): Promise<void> {
    return this.admins.remove(scope, administratorId, adminActor(scope, context));
  }
}
