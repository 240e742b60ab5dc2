import type { ResourceWithOptions } from 'adminjs';
import { AuditEvent } from '../../audit/audit-event.entity.js';
import { RAW_EDITS_OFF } from '../actions/staff-actions.js';

/**
 * The audit trail, newest first and read-only: it is the record of what staff and admins did, so
 * the back-office that staff use must not be able to rewrite it.
 */
export function auditEventResource(): ResourceWithOptions {
  return {
    resource: AuditEvent,
    options: {
      navigation: { name: 'Platform', icon: 'Users' },
      sort: { sortBy: 'occurredAt', direction: 'desc' },
      listProperties: ['occurredAt', 'action', 'outcome', 'actorType', 'actorLabel', 'targetType', 'targetId'],
      showProperties: [
        'id', 'occurredAt', 'action', 'outcome', 'actorType', 'actorLabel', 'actorId', 'sessionId',
        'partnerId', 'orgId', 'targetType', 'targetId', 'ip', 'userAgent', 'requestId', 'details',
      ],
      filterProperties: ['action', 'outcome', 'actorType', 'actorLabel', 'partnerId', 'orgId', 'targetId', 'occurredAt'],
      properties: {
        action: { isTitle: true },
        partnerId: { reference: 'Partner' },
        orgId: { reference: 'Organization' },
        details: { type: 'key-value' },
        outcome: {
          availableValues: [
            { value: 'success', label: 'Success' },
            { value: 'failure', label: 'Failure' },
            { value: 'denied', label: 'Denied' },
          ],
        },
        actorType: {
          availableValues: ['anonymous', 'administrator', 'staff', 'api_key', 'system'].map((type) => ({ value: type, label: type })),
        },
      },
      actions: RAW_EDITS_OFF,
    },
  };
}
