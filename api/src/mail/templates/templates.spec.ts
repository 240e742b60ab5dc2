import { describeMinutes, escapeHtml, html, oneLine, PRODUCT_NAME, requireHttpUrl, SafeHtml } from './mail-template.js';
import { passwordResetEmail } from './password-reset.js';

describe('the html tag', () => {
  it('escapes every interpolated string, and only those', () => {
    const name = `<img src=x onerror="alert('x')"> & co`;
    expect(html`<p class="a">${name}</p>`.value).toBe('<p class="a">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</p>');
  });

  it('embeds SafeHtml built by the tag as is, and never re-escapes it', () => {
    const inner = html`<b>${'1 < 2'}</b>`;
    expect(html`<p>${inner}${[inner, inner]}</p>`.value).toBe('<p><b>1 &lt; 2</b><b>1 &lt; 2</b><b>1 &lt; 2</b></p>');
    expect(String(inner)).toBe('<b>1 &lt; 2</b>');
  });

  it('treats a look-alike object or a string of markup as text', () => {
    expect(escapeHtml('<b>bold</b>')).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(new SafeHtml('<i>x</i>').value).toBe('<i>x</i>');
  });
});

describe('template helpers', () => {
  it('puts a typed value on one line', () => {
    expect(oneLine('  Ada\r\nBcc: someone\telse ')).toBe('Ada Bcc: someone else');
  });

  it('accepts only absolute http(s) links', () => {
    expect(requireHttpUrl('https://portal.example.com/reset?token=a b')).toBe('https://portal.example.com/reset?token=a%20b');
    expect(() => requireHttpUrl('javascript:alert(1)')).toThrow('http(s)');
    expect(() => requireHttpUrl('/reset')).toThrow('absolute');
  });

  it.each([
    [1, '1 minute'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [1440, '24 hours'],
  ])('describes %p minutes as "%s"', (minutes, text) => {
    expect(describeMinutes(minutes)).toBe(text);
  });
});

describe('passwordResetEmail', () => {
  const resetUrl = 'https://portal.example.com/reset?token=abc&next=/';

  it('renders the subject, both parts and the product name', () => {
    const email = passwordResetEmail({ name: 'Ada Lovelace', resetUrl, expiresInMinutes: 30 });
    expect(email.name).toBe('password-reset');
    expect(email.subject).toBe('Reset your MTP password');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(PRODUCT_NAME);
      expect(part).toContain('Hello Ada Lovelace,');
      expect(part).toContain('expires in 30 minutes');
    }
    expect(email.text).toContain(resetUrl);
    expect(email.html).toContain('href="https://portal.example.com/reset?token=abc&amp;next=/"');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('greets without a name when none is known', () => {
    const email = passwordResetEmail({ resetUrl, expiresInMinutes: 60 });
    expect(email.text).toMatch(/^MTP · Multi-Tenant Portal\n\nReset your password\n\nHello,\n/);
    expect(email.html).toContain('expires in 1 hour');
  });

  it('escapes a hostile name and link in the HTML part', () => {
    const email = passwordResetEmail({ name: '<script>alert(1)</script>', resetUrl: 'https://x.example/r?a="><script>', expiresInMinutes: 15 });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(email.html).not.toMatch(/href="[^"]*"><script/);
  });

  it('keeps a name with line breaks from forging lines of the plain-text part', () => {
    const email = passwordResetEmail({ name: 'Eve\n\nVisit https://evil.example to keep your account', resetUrl, expiresInMinutes: 15 });
    expect(email.text).toContain('Hello Eve Visit https://evil.example to keep your account,');
    expect(email.text.split('\n').some((line) => line.startsWith('Visit'))).toBe(false);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => passwordResetEmail({ resetUrl: 'javascript:alert(1)', expiresInMinutes: 15 })).toThrow();
  });
});
