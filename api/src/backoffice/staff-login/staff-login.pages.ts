const escape = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f8; color: #1a1b1f; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; padding: 2rem 2.25rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: min(26rem, 92vw); }
  h1 { font-size: 1.25rem; margin: 0 0 .25rem; } p.lead { color: #555; margin: 0 0 1.25rem; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem .7rem; border: 1px solid #bbb; border-radius: 8px; font: inherit; }
  button { margin-top: 1.25rem; width: 100%; padding: .7rem; border: 0; border-radius: 8px; background: #005cbb; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  .error { background: #ffdad6; color: #93000a; padding: .6rem .8rem; border-radius: 8px; margin-bottom: 1rem; }
  code, .codes { font-family: ui-monospace, monospace; } .codes { columns: 2; background: #f4f5f8; padding: .75rem 1rem; border-radius: 8px; }
  img.qr { display: block; width: 12rem; height: 12rem; margin: .5rem auto; }
  a.button { display: block; text-align: center; margin-top: 1.25rem; padding: .7rem; border-radius: 8px; background: #005cbb; color: #fff; text-decoration: none; font-weight: 600; }`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · MTP back-office</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const errorBox = (error?: string) => (error ? `<div class="error" role="alert">${escape(error)}</div>` : '');

export function passwordPage(options: { error?: string; email?: string } = {}): string {
  return page(
    'Sign in',
    `<h1>MTP back-office</h1><p class="lead">Platform staff sign-in</p>${errorBox(options.error)}
<form method="post" action="/admin/login">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escape(options.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button></form>`,
  );
}

export function codePage(options: { email: string; error?: string }): string {
  return page(
    'Verification code',
    `<h1>Verification code</h1><p class="lead">Signing in as ${escape(options.email)}</p>${errorBox(options.error)}
<form method="post" action="/admin/login/mfa">
<label for="code">Code from your authenticator app, or a recovery code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Sign in</button></form>`,
  );
}

export function enrollmentPage(options: { email: string; secret: string; qrCodeDataUrl: string; error?: string }): string {
  return page(
    'Set up MFA',
    `<h1>Set up two-factor sign-in</h1><p class="lead">Staff accounts need an authenticator app. Scan the code, or type the key.</p>${errorBox(options.error)}
<img class="qr" src="${escape(options.qrCodeDataUrl)}" alt="QR code for ${escape(options.email)}">
<p>Key: <code data-testid="totp-secret">${escape(options.secret)}</code></p>
<form method="post" action="/admin/login/enroll">
<label for="code">The code your app shows now</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required autofocus>
<button type="submit">Confirm and sign in</button></form>`,
  );
}

export function recoveryCodesPage(codes: string[]): string {
  return page(
    'Recovery codes',
    `<h1>Keep these recovery codes</h1><p class="lead">Each works once if you lose your authenticator. They are shown only now.</p>
<div class="codes">${codes.map((code) => `<div>${escape(code)}</div>`).join('')}</div>
<a class="button" href="/admin">Continue to the back-office</a>`,
  );
}
