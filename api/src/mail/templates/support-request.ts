import { renderEmail } from './layout.js';
import { html, oneLine, type MailTemplate } from './mail-template.js';

export interface SupportRequestMailInput {
  number: number;
  subject: string;
  partnerName: string;
}

/** Tells platform staff that a partner filed a request. */
export function supportRequestFiledEmail(input: SupportRequestMailInput & { kind: string; filedBy: string; backofficeUrl: string }): MailTemplate {
  const subject = oneLine(input.subject);
  const partner = oneLine(input.partnerName);
  const filedBy = oneLine(input.filedBy);
  return renderEmail({
    template: 'support-request-filed',
    subject: `Request ${input.number} from ${partner}: ${subject}`,
    preview: `${filedBy} of ${partner} filed a ${input.kind} request.`,
    heading: `Request ${input.number}: ${subject}`,
    html: html`<p>${filedBy} of <strong>${partner}</strong> filed a <strong>${input.kind}</strong> request.</p>
<p><a href="${input.backofficeUrl}">Open the support requests in the back-office</a></p>`,
    text: [`${filedBy} of ${partner} filed a ${input.kind} request.`, `Open the support requests in the back-office: ${input.backofficeUrl}`].join('\n\n'),
  });
}

/** Tells the partner admin who filed a request what staff did with it. */
export function supportRequestUpdatedEmail(input: SupportRequestMailInput & { change: string; comment: string | null; portalUrl: string }): MailTemplate {
  const subject = oneLine(input.subject);
  const change = oneLine(input.change);
  return renderEmail({
    template: 'support-request-updated',
    subject: `Request ${input.number}: ${change}`,
    preview: `Platform support: ${change}.`,
    heading: `Request ${input.number}: ${subject}`,
    html: html`<p>Hello,</p><p>Platform support: <strong>${change}</strong>.</p>${input.comment ? html`<blockquote>${input.comment}</blockquote>` : ''}
<p><a href="${input.portalUrl}">See the request in the portal</a></p>`,
    text: [`Hello,`, `Platform support: ${change}.`, ...(input.comment ? [input.comment] : []), `See the request in the portal: ${input.portalUrl}`].join('\n\n'),
  });
}
