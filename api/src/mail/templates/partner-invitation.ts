import { actionButton, renderEmail } from './layout.js';
import { describeMinutes, html, oneLine, requireHttpUrl, type MailTemplate } from './mail-template.js';

export interface PartnerInvitationInput {
  partnerName: string;
  role: string;
  /** Who invited: an admin's email, or the platform's staff. */
  invitedBy: string;
  acceptUrl: string;
  expiresInMinutes: number;
}

/** Sent to a person invited to become an admin of a partner in the Multi-Tenant Portal. */
export function partnerInvitationEmail(input: PartnerInvitationInput): MailTemplate {
  const partner = oneLine(input.partnerName);
  const role = oneLine(input.role);
  const inviter = oneLine(input.invitedBy);
  const accept = requireHttpUrl(input.acceptUrl);
  const expiry = describeMinutes(input.expiresInMinutes);
  return renderEmail({
    template: 'partner-invitation',
    subject: `Join ${partner} in the Multi-Tenant Portal`,
    preview: `${inviter} invited you to manage ${partner}'s customers as ${role}.`,
    heading: `Join ${partner}`,
    html: html`<p>Hello,</p><p>${inviter} invited you to join <strong>${partner}</strong> in the Multi-Tenant Portal, with the role <strong>${role}</strong>.</p>
${actionButton(accept, 'Accept the invitation')}
<p>The link works once and expires in ${expiry}. You will then set up two-factor sign-in. If you did not expect this, ignore this email.</p>`,
    text: [
      `Hello,`,
      `${inviter} invited you to join ${partner} in the Multi-Tenant Portal, with the role ${role}. Accept the invitation:`,
      accept,
      `The link works once and expires in ${expiry}. You will then set up two-factor sign-in. If you did not expect this, ignore this email.`,
    ].join('\n\n'),
  });
}
