import { actionButton, renderEmail } from './layout.js';
import { describeMinutes, html, oneLine, requireHttpUrl, type MailTemplate } from './mail-template.js';

export interface PasswordResetEmailInput {
  /** The account holder's name, when known; a greeting without it otherwise. */
  name?: string;
  /** The one-time link that opens the reset page; absolute, http(s). */
  resetUrl: string;
  expiresInMinutes: number;
}

/**
 * Sent when someone asks to reset a password. It says who should ignore it, because a reset can be
 * requested by anyone who knows the address.
 */
export function passwordResetEmail(input: PasswordResetEmailInput): MailTemplate {
  const url = requireHttpUrl(input.resetUrl);
  const name = input.name ? oneLine(input.name) : '';
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const expiry = describeMinutes(input.expiresInMinutes);
  return renderEmail({
    template: 'password-reset',
    subject: 'Reset your MTP password',
    preview: 'Someone asked to reset the password of your MTP account.',
    heading: 'Reset your password',
    html: html`<p>${greeting}</p>
<p>Someone asked to reset the password of your MTP account. To choose a new password, follow this link:</p>
${actionButton(url, 'Choose a new password')}
<p>The link works once and expires in ${expiry}.</p>
<p>If you did not ask for this, ignore this email: your password stays as it is.</p>`,
    text: [
      greeting,
      'Someone asked to reset the password of your MTP account. To choose a new password, open this link:',
      url,
      `The link works once and expires in ${expiry}.`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n\n'),
  });
}
