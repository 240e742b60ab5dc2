import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../common/domain-error.js';
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
    const { mfaRequired, ...policy } = body.policy ?? {};
    // Its own code (not a field problem): the portal explains that MFA stays on, as the contract says.
    if (mfaRequired === false) throw new DomainError('partners.mfa_required', 400, 'MFA is required for every admin of a partner and cannot be turned off');
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
