import { actionButton, renderEmail } from './layout.js';
import { describeMinutes, html, oneLine, requireHttpUrl, type MailTemplate } from './mail-template.js';

export interface OrgAdminInvitationInput {
  orgName: string;
  /** A link to choose a password, for an account that has none yet; absent for an existing account. */
  setPasswordUrl?: string;
  expiresInMinutes?: number;
  signInUrl: string;
}

/** Sent to a person made an administrator of an organization. */
export function orgAdminInvitationEmail(input: OrgAdminInvitationInput): MailTemplate {
  const org = oneLine(input.orgName);
  const signIn = requireHttpUrl(input.signInUrl);
  const setPassword = input.setPasswordUrl ? requireHttpUrl(input.setPasswordUrl) : undefined;
  const expiry = input.expiresInMinutes ? describeMinutes(input.expiresInMinutes) : '';
  return renderEmail({
    template: 'org-admin-invitation',
    subject: `You are now an administrator of ${org}`,
    preview: `You can now manage ${org} in MTP.`,
    heading: `Administrator of ${org}`,
    html: setPassword
      ? html`<p>Hello,</p><p>You were made an administrator of <strong>${org}</strong> in MTP. To start, choose your password:</p>
${actionButton(setPassword, 'Choose a password')}
<p>The link works once and expires in ${expiry}. You will then set up two-factor sign-in.</p>`
      : html`<p>Hello,</p><p>You were made an administrator of <strong>${org}</strong> in MTP. Sign in with your usual account to manage it:</p>
${actionButton(signIn, 'Sign in')}`,
    text: setPassword
      ? [`Hello,`, `You were made an administrator of ${org} in MTP. To start, choose your password:`, setPassword, `The link works once and expires in ${expiry}. You will then set up two-factor sign-in.`].join('\n\n')
      : [`Hello,`, `You were made an administrator of ${org} in MTP. Sign in with your usual account to manage it:`, signIn].join('\n\n'),
  });
}
