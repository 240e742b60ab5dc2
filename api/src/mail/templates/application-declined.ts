import { renderEmail } from './layout.js';
import { html, oneLine, type MailTemplate } from './mail-template.js';

export interface ApplicationDeclinedInput {
  contactName: string;
  company: string;
  kind: 'partner' | 'evaluation';
}

/** Tells an applicant that staff did not approve their form, rather than leaving them waiting. */
export function applicationDeclinedEmail(input: ApplicationDeclinedInput): MailTemplate {
  const name = oneLine(input.contactName);
  const company = oneLine(input.company);
  const what = input.kind === 'partner' ? 'application to become a partner' : 'request for an evaluation';
  return renderEmail({
    template: 'application-declined',
    subject: `About your ${what}`,
    preview: `We could not approve the ${what} for ${company}.`,
    heading: 'About your request',
    html: html`<p>Hello ${name},</p><p>Thank you for your interest. We could not approve the ${what} for <strong>${company}</strong> at this time. Reply to this email if you would like to tell us more or ask why.</p>`,
    text: [`Hello ${name},`, `Thank you for your interest. We could not approve the ${what} for ${company} at this time. Reply to this email if you would like to tell us more or ask why.`].join('\n\n'),
  });
}
