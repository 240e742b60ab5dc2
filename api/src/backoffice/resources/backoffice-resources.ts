import type { ResourceWithOptions } from 'adminjs';
import type { Clock } from '../../common/clock.js';
import type { AdministratorsService } from '../../identity/administrators/administrators.service.js';
import type { ApplicationsService } from '../../partners/applications/applications.service.js';
import type { AssociationsService } from '../../partners/associations/associations.service.js';
import type { PartnerInvitationsService } from '../../partners/invitations/partner-invitations.service.js';
import type { PartnersService } from '../../partners/partners.service.js';
import type { StaffPartnersService } from '../../partners/staff-partners.service.js';
import type { StaffRequestsService } from '../../support/staff-requests.service.js';
import { auditEventResource } from './audit-event.resource.js';
import { orgDetachmentResource } from './org-detachment.resource.js';
import { organizationResource } from './organization.resource.js';
import { partnerAdminResource } from './partner-admin.resource.js';
import { partnerApplicationResource } from './partner-application.resource.js';
import { partnerAssociationResource } from './partner-association.resource.js';
import { partnerInvitationResource } from './partner-invitation.resource.js';
import { partnerResource } from './partner.resource.js';
import { staffUserResource } from './staff-user.resource.js';
import { supportReplyResource } from './support-reply.resource.js';
import { supportRequestResource } from './support-request.resource.js';
import { verificationRequestResource } from './verification-request.resource.js';

/** The services the back-office's actions go through: every change is validated, audited and emailed there. */
export interface BackofficeServices {
  partners: PartnersService;
  staffPartners: StaffPartnersService;
  applications: ApplicationsService;
  invitations: PartnerInvitationsService;
  associations: AssociationsService;
  administrators: AdministratorsService;
  staffRequests: StaffRequestsService;
  clock: Clock;
}

/** Every resource, in the order of the navigation: partners' requests and work first, then customers, then the platform. */
export function backofficeResources(services: BackofficeServices): ResourceWithOptions[] {
  return [
    supportRequestResource(services),
    supportReplyResource(services),
    partnerApplicationResource(services),
    partnerResource(services),
    partnerInvitationResource(services),
    partnerAdminResource(services),
    partnerAssociationResource(services),
    orgDetachmentResource(services),
    verificationRequestResource(),
    organizationResource(),
    staffUserResource(),
    auditEventResource(),
  ];
}
