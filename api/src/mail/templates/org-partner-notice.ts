import { renderEmail } from './layout.js';
import { html, oneLine, type MailTemplate } from './mail-template.js';

export interface OrgPartnerNoticeInput {
  partnerName: string;
  orgName: string;
  /** How it was confirmed: with the emailed code or through the link. */
  confirmedBy: string;
}

/** Tells an org's own admins that a partner now manages their org. */
export function orgPartnerNoticeEmail(input: OrgPartnerNoticeInput): MailTemplate {
  const partner = oneLine(input.partnerName);
  const org = oneLine(input.orgName);
  const confirmed = oneLine(input.confirmedBy);
  return renderEmail({
    template: 'org-partner-notice',
    subject: `${partner} now manages ${org}`,
    preview: `${partner} was verified as a partner of ${org}.`,
    heading: `${partner} now manages ${org}`,
    html: html`<p>Hello,</p><p><strong>${partner}</strong> now manages <strong>${org}</strong> in the Multi-Tenant Portal (${confirmed}). Its admins can see your organization's figures and open management sessions in it; each session is recorded in your activity feed.</p>
<p>You keep your own access. If this is unexpected, contact platform support: a partner is detached on request.</p>`,
    text: [
      `Hello,`,
      `${partner} now manages ${org} in the Multi-Tenant Portal (${confirmed}). Its admins can see your organization's figures and open management sessions in it; each session is recorded in your activity feed.`,
      `You keep your own access. If this is unexpected, contact platform support: a partner is detached on request.`,
    ].join('\n\n'),
  });
}
