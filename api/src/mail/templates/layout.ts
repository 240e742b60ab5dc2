import { html, oneLine, PRODUCT_NAME, type MailTemplate, type SafeHtml } from './mail-template.js';

export interface EmailContent {
  /** Stable template name, stored with the message. */
  template: string;
  subject: string;
  /** The first line of the body, shown by mail clients beside the subject. */
  preview: string;
  heading: string;
  html: SafeHtml;
  /** The same content as plain text, for clients and people that do not read HTML. */
  text: string;
}

// Inline styles and a table layout: many mail clients drop <style> blocks and ignore flexbox.
const FONT = "font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const PAGE_STYLE = `margin: 0; padding: 0; background: #f4f5f7; ${FONT}; color: #1f2933`;
const CARD_STYLE = 'max-width: 560px; margin: 24px auto; background: #ffffff; border-radius: 8px; border: 1px solid #e1e4e8';
const MUTED_STYLE = 'color: #6b7280; font-size: 12px; line-height: 18px';

/** Wraps a template's content in the shared layout: the product's header and footer, in both parts. */
export function renderEmail(content: EmailContent): MailTemplate {
  const subject = oneLine(content.subject);
  const document = html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="${PAGE_STYLE}">
<div style="display: none; max-height: 0; overflow: hidden">${content.preview}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${CARD_STYLE}">
<tr><td style="padding: 20px 32px; border-bottom: 1px solid #e1e4e8; font-weight: 600; color: #1d4ed8">${PRODUCT_NAME}</td></tr>
<tr><td style="padding: 24px 32px; font-size: 15px; line-height: 22px">
<h1 style="margin: 0 0 16px; font-size: 20px">${content.heading}</h1>
${content.html}
</td></tr>
<tr><td style="padding: 16px 32px; border-top: 1px solid #e1e4e8; ${MUTED_STYLE}">
This email was sent by ${PRODUCT_NAME}. It was sent automatically; replies are not read.
</td></tr>
</table>
</body>
</html>
`;
  const text = `${PRODUCT_NAME}\n\n${content.heading}\n\n${content.text.trim()}\n\n-- \nThis email was sent by ${PRODUCT_NAME}. It was sent automatically; replies are not read.\n`;
  return { name: content.template, subject, html: document.value, text };
}

/** A call-to-action link that looks like a button, with the address repeated for clients that hide it. */
export function actionButton(url: string, label: string): SafeHtml {
  return html`<p style="margin: 24px 0"><a href="${url}" style="display: inline-block; padding: 10px 20px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 6px; font-weight: 600">${label}</a></p>
<p style="${MUTED_STYLE}">If the button does not work, copy this address into your browser:<br><a href="${url}" style="color: #1d4ed8; word-break: break-all">${url}</a></p>`;
}
