import { actionButton, renderEmail } from './layout.js';
import { describeMinutes, html, oneLine, requireHttpUrl, type MailTemplate } from './mail-template.js';

export interface VerificationCodeInput {
  partnerName: string;
  orgName: string;
  orgId: string;
  requestedBy: string;
  code: string;
  approveUrl: string;
  expiresInMinutes: number;
}

/** Sent to an org admin when a partner asks to manage the org: a code to pass on, or a link to decide. */
export function verificationCodeEmail(input: VerificationCodeInput): MailTemplate {
  const partner = oneLine(input.partnerName);
  const org = oneLine(input.orgName);
  const who = oneLine(input.requestedBy);
  const approve = requireHttpUrl(input.approveUrl);
  const expiry = describeMinutes(input.expiresInMinutes);
  const code = `${input.code.slice(0, 4)}-${input.code.slice(4)}`;
  return renderEmail({
    template: 'verification-code',
    subject: `${partner} asks to manage ${org}`,
    preview: `Your verification code is ${code}.`,
    heading: `${partner} asks to manage ${org}`,
    html: html`<p>Hello,</p><p>${who} of <strong>${partner}</strong> asked to manage your organization <strong>${org}</strong> (OrgID ${input.orgId}) in the Multi-Tenant Portal, and named you as one of its admins.</p>
<p>If you work with them, give them this code:</p>
<p style="font-size:24px;font-weight:600;letter-spacing:4px">${code}</p>
<p>Or decide yourself:</p>
${actionButton(approve, 'Review the request')}
<p>The code and the link work once and expire in ${expiry}. If you do not know ${partner}, do nothing: nothing changes without the code or your approval.</p>`,
    text: [
      `Hello,`,
      `${who} of ${partner} asked to manage your organization ${org} (OrgID ${input.orgId}) in the Multi-Tenant Portal, and named you as one of its admins.`,
      `If you work with them, give them this code: ${code}`,
      `Or review the request yourself: ${approve}`,
      `The code and the link work once and expire in ${expiry}. If you do not know ${partner}, do nothing: nothing changes without the code or your approval.`,
    ].join('\n\n'),
  });
}
