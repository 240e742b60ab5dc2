/** How every email names the product, in its header, footer and plain-text signature. */
export const PRODUCT_NAME = 'MTP · Multi-Tenant Portal';

/** A rendered email: what the outbox stores and a transport sends. Built by the template functions. */
export interface MailTemplate {
  /** Stable name of the template that rendered it, kept with the message (`password-reset`). */
  readonly name: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * Markup produced by the `html` tag. Its interpolated values were escaped when it was built, so it is
 * the only thing allowed into a layout unescaped; a plain string never is.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

/** A tagged template for email markup: every interpolated value is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((part: SafeHtml) => part.value).join('');
  return escapeHtml(String(value));
}

/**
 * A value a person typed (a name, an org name) on one line: a newline in it could otherwise forge
 * extra lines of instructions in the plain-text part, or a header in a subject.
 */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Links in emails are absolute http(s) addresses; anything else (javascript:, data:) is a bug upstream. */
export function requireHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('An email link must be an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('An email link must be an http(s) URL');
  return parsed.toString();
}

/** "30 minutes", "1 hour", "1 hour 30 minutes": for expiry notices. */
export function describeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '', rest > 0 || hours === 0 ? `${rest} minute${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}
