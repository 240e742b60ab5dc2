import type { ResourceWithOptions } from 'adminjs';
import { Organization } from '../../orgs/organizations/organization.entity.js';
import { RAW_EDITS_OFF } from '../actions/staff-actions.js';

/**
 * Customer organizations, read-only: their OrgID is what customers and partners quote, so it is
 * never edited by hand, and an org's settings and users belong to its own admins. To hand an org
 * to a partner, attach it from Partner associations.
 */
export function organizationResource(): ResourceWithOptions {
  return {
    resource: Organization,
    options: {
      navigation: { name: 'Customers', icon: 'Home' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['name', 'publicId', 'status', 'userCap', 'createdAt'],
      showProperties: ['id', 'publicId', 'name', 'status', 'userCap', 'passwordExpiryDays', 'createdAt'],
      filterProperties: ['name', 'publicId', 'status', 'createdAt'],
      properties: {
        publicId: { description: 'The OrgID customers and partners quote' },
        status: {
          availableValues: [
            { value: 'active', label: 'Active' },
            { value: 'suspended', label: 'Suspended' },
          ],
        },
      },
      actions: RAW_EDITS_OFF,
    },
  };
}
