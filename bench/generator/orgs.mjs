// Organization rows: unique names and OrgIDs, each with a mail domain its users' addresses live under.
import { CITIES, ORG_PREFIXES, ORG_SUFFIXES, ORG_TRADES, slug } from './names.mjs';

const DAY = 86_400_000;

function uniqueName(random, taken) {
  const base = [random.pick(ORG_PREFIXES), random.pick(ORG_TRADES), random.pick(ORG_SUFFIXES)].filter(Boolean).join(' ');
  // Name clashes are resolved as people do: by the place, then by a number.
  for (const candidate of [base, `${base} ${random.pick(CITIES)}`]) {
    if (!taken.has(candidate)) return candidate;
  }
  for (let n = 2; ; n += 1) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** Turns the plan into org rows; `users` and `partnerIndex` ride along for the loader and the result. */
export function buildOrgs(plan, random, now) {
  const names = new Set();
  const publicIds = new Set();
  return plan.map(({ partnerIndex, users }) => {
    const name = uniqueName(random, names);
    names.add(name);
    let publicId = random.hex(24);
    while (publicIds.has(publicId)) publicId = random.hex(24);
    publicIds.add(publicId);
    return {
      id: random.uuid(),
      publicId,
      name,
      domain: `${slug(name, '-')}.example.com`,
      status: random.chance(0.02) ? 'suspended' : 'active',
      // Most orgs expire passwords; the rest have no policy, so their users' expiry is empty.
      passwordExpiryDays: random.chance(0.8) ? 90 : null,
      createdAt: new Date(now - random.between(30, 3 * 365) * DAY),
      partnerIndex,
      users,
    };
  });
}

export const ORG_COLUMNS = ['id', 'public_id', 'name', 'status', 'password_expiry_days', 'created_at'];
export const ORG_TYPES = ['uuid', 'text', 'text', 'text', 'int4', 'timestamptz'];
export const orgRow = (org) => [org.id, org.publicId, org.name, org.status, org.passwordExpiryDays, org.createdAt.toISOString()];
