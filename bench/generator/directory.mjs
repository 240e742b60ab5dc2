// One org's directory: users and the systems they use, as rows in the tables' column order.
import { FIRST_NAMES, LAST_NAMES, slug } from './names.mjs';
import { weighted } from './random.mjs';

const DAY = 86_400_000;
const TWO_YEARS = 730 * DAY;

const userState = weighted([['active', 85], ['staged', 10], ['suspended', 5]]);
// Staged users have not activated, so they have no MFA: the others carry the ~70% overall.
const MFA_WHEN_ACTIVATED = 0.7 / 0.9;
// Lockouts come from failed sign-ins, so only active users have them: ~2% overall.
const LOCKED_WHEN_ACTIVE = 0.02 / 0.85;
const systemsPerUser = weighted([[0, 30], [1, 60], [2, 10]]);
const osFamily = weighted([['windows', 55], ['macos', 30], ['linux', 15]]);
const OS_VERSIONS = {
  windows: ['10 22H2', '11 22H2', '11 23H2', '11 24H2', 'Server 2022'],
  macos: ['13.6.7', '14.5', '14.6.1', '15.1', '15.2'],
  linux: ['Ubuntu 22.04', 'Ubuntu 24.04', 'Debian 12', 'RHEL 9.4', 'Fedora 40'],
};
const WINDOWS_NAME_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const agentVersion = weighted([['2.16.0', 50], ['2.15.3', 30], ['2.14.1', 15], ['2.9.8', 5]]);

export const USER_COLUMNS = ['id', 'org_id', 'username', 'email', 'first_name', 'last_name', 'state', 'mfa_enrolled', 'locked_out', 'locked_out_at', 'password_expires_at', 'created_at', 'last_login_at'];
export const USER_TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'bool', 'bool', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz'];
export const SYSTEM_COLUMNS = ['id', 'org_id', 'hostname', 'os_family', 'os_version', 'agent_version', 'active', 'last_contact_at', 'created_at'];
export const SYSTEM_TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'text', 'bool', 'timestamptz', 'timestamptz'];
export const BINDING_COLUMNS = ['org_id', 'system_id', 'user_id'];
export const BINDING_TYPES = ['uuid', 'uuid', 'uuid'];

const iso = (ms) => new Date(ms).toISOString();

function createdAt(random, org, now) {
  // A few users are new this week, so "recently added" views have something to show.
  if (random.chance(0.03)) return now - random.between(0, 7 * DAY);
  const earliest = Math.max(org.createdAt.getTime(), now - TWO_YEARS);
  return random.between(earliest, now - 7 * DAY);
}

function lastLoginAt(random, state, created, now) {
  if (state === 'staged' || random.chance(0.08)) return null;
  // Active users sign in often (most within days); suspended ones stopped a while ago.
  const ago = state === 'active' ? -Math.log(1 - random.next()) * 3 * DAY : random.between(30, 400) * DAY;
  return Math.max(created, now - ago);
}

function hostname(random, first, family) {
  if (family === 'windows') return `${random.pick(['DESKTOP', 'LAPTOP'])}-${Array.from({ length: 7 }, () => random.pick(WINDOWS_NAME_CHARACTERS)).join('')}`;
  if (family === 'macos') return `${slug(first)}s-macbook-${random.pick(['pro', 'air'])}`;
  return `${slug(first)}-${random.pick(['dev', 'ws', 'build'])}-${random.int(1, 99)}`;
}

function systemsOf(random, org, userId, first, userCreated, now) {
  const systems = [];
  const bindings = [];
  for (let count = systemsPerUser(random); count > 0; count -= 1) {
    const id = random.uuid();
    const family = osFamily(random);
    const active = random.chance(0.9);
    const created = random.between(userCreated, now);
    const contact = active ? Math.max(created, now - random.between(0, 2 * DAY)) : Math.max(created, now - random.between(30, 365) * DAY);
    systems.push([id, org.id, hostname(random, first, family), family, random.pick(OS_VERSIONS[family]), agentVersion(random), active, iso(contact), iso(created)]);
    bindings.push([org.id, id, userId]);
  }
  return { systems, bindings };
}

/** Yields `{ user, systems, bindings }` for each of the org's users; usernames are unique in the org. */
export function* directoryOf(org, random, now) {
  const taken = new Map();
  for (let index = 0; index < org.users; index += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const base = `${slug(first)}.${slug(last)}`;
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const username = seen === 1 ? base : `${base}${seen}`;
    const state = userState(random);
    const created = createdAt(random, org, now);
    const locked = state === 'active' && random.chance(LOCKED_WHEN_ACTIVE);
    const expires = org.passwordExpiryDays && state !== 'staged' ? now + random.between(-10, 90) * DAY : null;
    const login = lastLoginAt(random, state, created, now);
    const id = random.uuid();
    const user = [
      id, org.id, username, `${username}@${org.domain}`, first, last, state,
      state !== 'staged' && random.chance(MFA_WHEN_ACTIVATED),
      locked, locked ? iso(now - random.between(0, 3 * DAY)) : null,
      expires === null ? null : iso(expires), iso(created), login === null ? null : iso(login),
    ];
    yield { user, ...systemsOf(random, org, id, first, created, now) };
  }
}
