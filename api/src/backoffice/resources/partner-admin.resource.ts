import { Resource } from '@adminjs/typeorm';
import { BaseProperty, type RecordJSON, type ResourceWithOptions } from 'adminjs';
import type { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import { PartnerAdmin } from '../../partners/admins/partner-admin.entity.js';
import { PARTNER_ROLES } from '../../partners/partner-roles.js';
import { RAW_EDITS_OFF } from '../actions/staff-actions.js';
import { withComputedParams } from './computed-params.js';

/**
 * partner_admins is keyed by (partner, administrator), and the adapter would take the first key
 * column, the partner, as the record's id: every admin of a partner would open as the same record.
 * An administrator belongs to one partner at most (a unique index), so the administrator alone
 * names a row.
 */
class PartnerAdminTable extends Resource {
  constructor() {
    super(PartnerAdmin);
  }

  override idName(): string {
    return 'administratorId';
  }

  override properties(): ReturnType<Resource['properties']> {
    return super.properties().map((property) =>
      property.path() === 'partnerId' ? (new BaseProperty({ path: 'partnerId', type: 'string', isId: false, isSortable: true }) as (typeof property)) : property,
    );
  }
}

/**
 * Who administers which partner, read-only: roles and org access change in the portal, where the
 * partner's owners decide and "at least one active owner" is enforced; new admins come through
 * invitations (the PartnerInvitation resource's "new").
 */
export function partnerAdminResource(services: { administrators: AdministratorsService }): ResourceWithOptions {
  const withPerson = withComputedParams(async (records: RecordJSON[]) => {
    const people = await services.administrators.describe(records.map((record) => String(record.params.administratorId)));
    for (const record of records) {
      const person = people.get(String(record.params.administratorId));
      record.params.email = person?.email ?? '';
      record.params.name = person?.name ?? '';
      // AdminJS takes the title before this hook runs, from columns only.
      record.title = record.params.email as string;
    }
  });
  return {
    resource: new PartnerAdminTable(),
    options: {
      id: 'PartnerAdmin',
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'addedAt', direction: 'desc' },
      listProperties: ['email', 'partnerId', 'role', 'orgAccess', 'status', 'addedAt'],
      showProperties: ['administratorId', 'email', 'name', 'partnerId', 'role', 'orgAccess', 'status', 'addedAt', 'addedBy'],
      filterProperties: ['partnerId', 'role', 'status', 'addedAt'],
      properties: {
        partnerId: { reference: 'Partner' },
        role: { availableValues: PARTNER_ROLES.map((role) => ({ value: role, label: role })) },
        orgAccess: {
          availableValues: [
            { value: 'all', label: 'All of the partner’s orgs' },
            { value: 'selected', label: 'Selected orgs' },
          ],
        },
        status: {
          availableValues: [
            { value: 'active', label: 'Active' },
            { value: 'suspended', label: 'Suspended' },
          ],
        },
        email: { type: 'string', isTitle: true, isVisible: { list: true, show: true, edit: false, filter: false } },
        name: { type: 'string', isVisible: { list: false, show: true, edit: false, filter: false } },
      },
      actions: {
        ...RAW_EDITS_OFF,
        list: { after: withPerson },
        show: { after: withPerson },
      },
    },
  };
}
