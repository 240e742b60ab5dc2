import { renderEmail } from './layout.js';
import { html, oneLine, type MailTemplate } from './mail-template.js';

export interface OrgDetachedInput {
  partnerName: string;
  orgName: string;
  reason: string;
}

/** Tells a partner's owners that one of their orgs left their portfolio. */
export function orgDetachedForPartnerEmail(input: OrgDetachedInput): MailTemplate {
  const partner = oneLine(input.partnerName);
  const org = oneLine(input.orgName);
  const reason = oneLine(input.reason);
  return renderEmail({
    template: 'org-detached-partner',
    subject: `${org} is no longer managed by ${partner}`,
    preview: `Platform staff detached ${org} from ${partner}.`,
    heading: `${org} was detached`,
    html: html`<p>Hello,</p><p>Platform staff detached <strong>${org}</strong> from <strong>${partner}</strong>: ${reason}</p>
<p>It no longer appears in your dashboard or totals, and any open management session into it has ended. The organization keeps its own data and admins.</p>`,
    text: [
      `Hello,`,
      `Platform staff detached ${org} from ${partner}: ${reason}`,
      `It no longer appears in your dashboard or totals, and any open management session into it has ended. The organization keeps its own data and admins.`,
    ].join('\n\n'),
  });
}

/** Tells an org's own admins that their partner no longer manages the org. */
export function orgDetachedForOrgEmail(input: Omit<OrgDetachedInput, 'reason'>): MailTemplate {
  const partner = oneLine(input.partnerName);
  const org = oneLine(input.orgName);
  return renderEmail({
    template: 'org-detached-org',
    subject: `${partner} no longer manages ${org}`,
    preview: `${partner}'s access to ${org} has ended.`,
    heading: `${partner} no longer manages ${org}`,
    html: html`<p>Hello,</p><p><strong>${partner}</strong> no longer manages <strong>${org}</strong> in the Multi-Tenant Portal. Its admins cannot see your organization or open sessions in it any more; any session open now has ended.</p>
<p>Your users, devices and admins are unchanged, and you keep your own access.</p>`,
    text: [
      `Hello,`,
      `${partner} no longer manages ${org} in the Multi-Tenant Portal. Its admins cannot see your organization or open sessions in it any more; any session open now has ended.`,
      `Your users, devices and admins are unchanged, and you keep your own access.`,
    ].join('\n\n'),
  });
}
