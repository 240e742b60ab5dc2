import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientContext, type RequestContext } from '../../common/http/request-context.js';
import type { PartnerScope } from '../../identity/access/partner-access.js';
import { CurrentPartner, PartnerAdmin } from '../partner-access.decorators.js';
import { adminActor } from '../partner-actor.js';
import type { Partner } from '../partner.entity.js';
import { PartnersService } from '../partners.service.js';
import { PartnerSettingsDto, UpdatePartnerSettingsDto } from './partner-settings.dto.js';

@ApiTags('partner settings')
@Controller({ path: 'partner/settings', version: '1' })
export class PartnerSettingsController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @PartnerAdmin('partner.view')
  @ApiOperation({ operationId: 'getPartnerSettings', summary: 'Your partner and its policy' })
  @ApiOkResponse({ type: PartnerSettingsDto })
  async get(@CurrentPartner() scope: PartnerScope): Promise<PartnerSettingsDto> {
    return settingsOf(await this.partners.get(scope.partnerId));
  }

  @Patch()
  @PartnerAdmin('settings.manage')
  @ApiOperation({ operationId: 'updatePartnerSettings', summary: 'Changes the name or policy (owners)' })
  @ApiOkResponse({ type: PartnerSettingsDto })
  async update(@CurrentPartner() scope: PartnerScope, @Body() body: UpdatePartnerSettingsDto, @ClientContext() context: RequestContext): Promise<PartnerSettingsDto> {
    const { mfaRequired: _alwaysOn, ...policy } = body.policy ?? {};
    return settingsOf(await this.partners.updateSettings(scope.partnerId, { name: body.name, policy }, adminActor(scope, context)));
  }
}

function settingsOf(partner: Partner): PartnerSettingsDto {
  return {
    partnerId: partner.id,
    name: partner.name,
    kind: partner.kind,
    status: partner.status,
    createdAt: partner.createdAt,
    policy: { mfaRequired: true, launchReasonRequired: partner.launchReasonRequired, launchSessionMinutes: partner.launchSessionMinutes },
  };
}
