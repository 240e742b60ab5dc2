import { renderEmail } from './layout.js';
import { html, oneLine, type MailTemplate } from './mail-template.js';

export interface ApplicationReceivedInput {
  contactName: string;
  company: string;
  kind: 'partner' | 'evaluation';
}

/** Confirms a "become a partner" or "request an evaluation" form to the person who sent it. */
export function applicationReceivedEmail(input: ApplicationReceivedInput): MailTemplate {
  const name = oneLine(input.contactName);
  const company = oneLine(input.company);
  const what = input.kind === 'partner' ? 'application to become a partner' : 'request for an evaluation';
  return renderEmail({
    template: 'application-received',
    subject: `We received your ${what}`,
    preview: `Thank you, ${name}: our team will review it and reply by email.`,
    heading: 'Thank you',
    html: html`<p>Hello ${name},</p><p>We received the ${what} for <strong>${company}</strong>. Our team reviews each one and replies by email, usually within two business days. If it is approved, you will receive an invitation to the Multi-Tenant Portal.</p>`,
    text: [
      `Hello ${name},`,
      `We received the ${what} for ${company}. Our team reviews each one and replies by email, usually within two business days. If it is approved, you will receive an invitation to the Multi-Tenant Portal.`,
    ].join('\n\n'),
  });
}
