import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeDataDir,
  removeDataDir,
  runPortalUntilExit,
  startPortal,
  type DemoAccount,
  type DemoAccountsFile,
  type PortalProcess,
} from '../support/portal-process.js';
import { freshTotpCode } from '../support/totp.js';

const STAFF = { role: 'platform staff (back-office)', email: 'staff@demo.mtp.local' };

/**
 * A first start as a new user makes it: no DATABASE_URL, so PostgreSQL runs inside a new data
 * folder; then a second portal on that folder, a stop, and a restart. The tests follow that story.
 */
describe('the built portal on its own embedded PostgreSQL', () => {
  let dataDir: string;
  let first: PortalProcess;
  let accounts: DemoAccountsFile;
  let restarted: PortalProcess | undefined;

  beforeAll(async () => {
    dataDir = makeDataDir();
    first = await startPortal({ database: 'embedded', dataDir });
    accounts = first.demoAccounts();
  });
  afterAll(async () => {
    await first?.stop();
    await restarted?.stop();
    if (dataDir) removeDataDir(dataDir);
  });

  it('becomes ready and prints where the portal, the back-office and the API docs are', async () => {
    const banner = first.stdout;
    const base = `http://localhost:${first.port}`;

    expect(banner).toContain('MTP · Multi-Tenant Portal is ready');
    expect(banner).toMatch(lineWith('Portal', `${base}/`));
    expect(banner).toMatch(lineWith('Back-office', `${base}/admin`));
    expect(banner).toMatch(lineWith('API docs', `${base}/api/docs`));
    expect(banner).toMatch(lineWith('Database', `embedded PostgreSQL in ${join(dataDir, 'pg')}`));
    // The printed addresses answer (asked on 127.0.0.1: "localhost" may mean ::1, where nothing listens).
    expect(await statusOf(first, '/')).toBe(200);
    expect(await statusOf(first, '/admin/login')).toBe(200);
    expect(await statusOf(first, '/api/docs')).toBe(200);
  });

  it('prints the demo staff account and keeps it in demo-accounts.json, readable by its owner only', () => {
    const staff = accounts.accounts.find((account) => account.role === STAFF.role);

    expect(Number.isNaN(Date.parse(accounts.createdAt))).toBe(false);
    expect(staff).toEqual({
      ...STAFF,
      password: expect.stringMatching(/^\S{12,}$/),
      totpSecret: expect.stringMatching(/^[A-Z2-7]{32,}$/),
      signInAt: `http://localhost:${first.port}/admin`,
    });
    expect(first.stdout).toContain(`${STAFF.role}: ${STAFF.email} / ${staff!.password}`);
    expect(first.stdout).toContain(join(dataDir, 'demo-accounts.json'));
    expect(statSync(join(dataDir, 'demo-accounts.json')).mode & 0o077).toBe(0);
  });

  it('lets the demo staff account sign in to the back-office with that password and its TOTP secret', async () => {
    const staff = accounts.accounts.find((account) => account.role === STAFF.role)!;

    expect(await staffListedAfterSignIn(first.baseUrl, staff)).toContain(STAFF.email);
    expect(await staffListedAfterSignIn(first.baseUrl, { ...staff, password: `${staff.password}x` })).toBeUndefined();
  });

  it('refuses a second portal on the same data folder with one line saying it is in use, and the first keeps serving', async () => {
    const second = await runPortalUntilExit({ database: 'embedded', dataDir });

    expect(second.code).toBe(1);
    expect(linesOf(second.stderr)).toEqual([expect.stringMatching(/^mtp: .*is in use/)]);
    expect(await statusOf(first, '/api/health/ready')).toBe(200);
  });

  it('stops on SIGTERM with exit code 0 and leaves no PostgreSQL running on its folder', async () => {
    expect(processesMentioning(dataDir)).not.toEqual([]);

    const exit = await first.stop();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(processesMentioning(dataDir)).toEqual([]);
    await expect(fetch(`${first.baseUrl}/api/health/live`)).rejects.toThrow();
  });

  it('keeps its data across a restart on the same folder', async () => {
    restarted = await startPortal({ database: 'embedded', dataDir });
    const staff = accounts.accounts.find((account) => account.role === STAFF.role)!;

    expect(restarted.demoAccounts()).toEqual(accounts);
    expect(restarted.stdout).toContain(`Demo accounts: see ${join(dataDir, 'demo-accounts.json')}`);
    expect(restarted.stdout).not.toContain(staff.password);
    expect(restarted.stdout).not.toMatch(/migration\(s\) applied/);
    // The code used before the restart is spent: the helper waits for the next one.
    expect(await staffListedAfterSignIn(restarted.baseUrl, staff)).toContain(STAFF.email);
    expect(await restarted.stop()).toEqual({ code: 0, signal: null });
  });
});

describe('a portal that cannot start', () => {
  it('exits 1 with one line naming PORT when PORT is not a number', async () => {
    const run = await runPortalUntilExit({ database: 'embedded', env: { PORT: 'abc' } });

    expect(run.code).toBe(1);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^mtp: .*\bPORT\b/)]);
  });

  it('exits 1 with one line naming the database it cannot reach', async () => {
    const run = await runPortalUntilExit({ database: { url: 'postgres://nobody@127.0.0.1:1/x' } });

    expect(run.code).toBe(1);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^mtp: Cannot reach the database at 127\.0\.0\.1:1\/x\b/)]);
  });
});

/** A banner line: the label, spaces, then exactly `value` (perhaps followed by a space or comma and more). */
function lineWith(label: string, value: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s+${escape(label)}\\s+${escape(value)}(?=[\\s,]|$)`, 'm');
}

function linesOf(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

async function statusOf(portal: PortalProcess, path: string): Promise<number> {
  const response = await fetch(`${portal.baseUrl}${path}`, { redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Signs in to the back-office as its forms do (password, then a TOTP code), then asks for the staff
 * list with the session cookie: the emails listed, or undefined when the sign-in is refused.
 */
async function staffListedAfterSignIn(baseUrl: string, staff: DemoAccount): Promise<string[] | undefined> {
  const password = await postForm(`${baseUrl}/admin/login`, { email: staff.email, password: staff.password });
  if (password.response.status !== 200 || !password.body.includes('Verification code')) return undefined;
  // The session is renewed at sign-in: only the cookie set by the code step opens the back-office.
  const code = await postForm(`${baseUrl}/admin/login/mfa`, { code: await freshTotpCode(staff.totpSecret!) }, password.cookie);
  if (code.response.status !== 303 || code.response.headers.get('location') !== '/admin' || code.cookie === '') return undefined;
  const list = await fetch(`${baseUrl}/admin/api/resources/StaffUser/actions/list`, { headers: { cookie: code.cookie }, redirect: 'manual' });
  if (list.status !== 200) return undefined;
  const body = (await list.json()) as { records: { params: { email: string } }[] };
  return body.records.map((record) => record.params.email);
}

async function postForm(url: string, fields: Record<string, string>, cookie = ''): Promise<{ response: Response; body: string; cookie: string }> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(fields), headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await response.text();
  const setCookies = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  return { response, body, cookie: setCookies.length > 0 ? setCookies.join('; ') : cookie };
}

/** Command lines of the running processes that mention `text`, e.g. a PostgreSQL started with `-D <folder>`. */
function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
        return commandLine.includes(text) ? [`${pid}: ${commandLine}`] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}
