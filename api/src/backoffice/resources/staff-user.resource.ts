import type { ResourceWithOptions } from 'adminjs';
import { StaffUser } from '../../identity/staff-user.entity.js';

/**
 * Staff accounts are read-only here: creating one or changing its password must go through the
 * identity service, which hashes passwords and audits the change.
 */
export function staffUserResource(): ResourceWithOptions {
  return {
    resource: StaffUser,
    options: {
      navigation: { name: 'Platform', icon: 'Users' },
      listProperties: ['email', 'name', 'status', 'createdAt', 'lastLoginAt'],
      showProperties: ['id', 'email', 'name', 'status', 'createdAt', 'lastLoginAt'],
      filterProperties: ['email', 'name', 'status'],
      properties: { passwordHash: { isVisible: false } },
      actions: {
        new: { isAccessible: false },
        edit: { isAccessible: false },
        delete: { isAccessible: false },
        bulkDelete: { isAccessible: false },
      },
    },
  };
}
