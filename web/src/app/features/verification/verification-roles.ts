import { type PartnerRole } from '../partner/partner-role';

/**
 * Who may add organizations to the partner and follow its verification requests: the API serves
 * those routes to these roles only. Kept apart from the API service so the partner's routes can
 * guard with it without loading the service.
 */
export const VERIFIERS: readonly PartnerRole[] = ['owner', 'admin'];
