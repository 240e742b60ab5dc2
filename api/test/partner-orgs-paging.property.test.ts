import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { PORTFOLIO_ORG_SORTS, type PortfolioOrgQueryDto, type PortfolioOrgSort } from '../src/orgs/portfolio/portfolio-orgs.dto.js';
import type { PortfolioScope } from '../src/orgs/portfolio/portfolio-scope.js';
import { PortfolioService } from '../src/orgs/portfolio/portfolio.service.js';
import { createOrg, type TestOrg } from './support/org-factory.js';
import { createPartner } from './support/partner-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The org table pages by keyset over seven sorts, with filters and a count. Whatever the orgs, the
// sort, the direction, the filters, the admin's reach and the page size, walking the pages must visit
// exactly the matching orgs, each once, in the order the sort defines (ties broken by the org's id).

const BASE = Date.UTC(2026, 0, 1);
// Few names, some equal once lowercased, so that name ties are common.
const NAMES = ['acme', 'Acme', 'beta', 'core', 'Core', 'delta', 'echo'];
const user = fc.record({
  state: fc.constantFrom('active', 'active', 'staged', 'suspended'),
  mfa: fc.boolean(),
  locked: fc.boolean(),
  lastLoginAt: fc.option(fc.integer({ min: 0, max: 5 }).map((day) => new Date(BASE + day * 86_400_000)), { nil: null }),
});
const orgSpec = fc.record({
  name: fc.constantFrom(...NAMES),
  users: fc.array(user, { maxLength: 5 }),
  systems: fc.nat({ max: 3 }),
  admins: fc.nat({ max: 2 }),
  suspended: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  // Most orgs in reach of a limited admin, so that limited lists are long too.
  inReach: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});
/** A filter that is absent three times in four, so that most queries still match many orgs. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const query = fc.record({
  sort: fc.constantFrom(...PORTFOLIO_ORG_SORTS),
  order: fc.constantFrom('asc' as const, 'desc' as const),
  limit: fc.integer({ min: 1, max: 7 }),
  status: sometimes(fc.constantFrom('active' as const, 'suspended' as const)),
  hasLockouts: sometimes(fc.boolean()),
  mfaBelow: sometimes(fc.integer({ min: 1, max: 100 })),
  search: sometimes(fc.constantFrom('c', 'ac', 'e', 'zz')),
});

type OrgSpec = typeof orgSpec extends fc.Arbitrary<infer T> ? T : never;
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  id: string;
  publicId: string;
  spec: OrgSpec;
  keys: Record<PortfolioOrgSort, number | string>;
  locked: number;
  active: number;
  activeMfa: number;
}

function modelOf(org: TestOrg, spec: OrgSpec): Model {
  const active = spec.users.filter((u) => u.state === 'active');
  const activeMfa = active.filter((u) => u.mfa).length;
  const logins = spec.users.flatMap((u) => (u.lastLoginAt ? [u.lastLoginAt.getTime()] : []));
  const locked = spec.users.filter((u) => u.locked).length;
  return {
    id: org.id,
    publicId: org.publicId,
    spec,
    locked,
    active: active.length,
    activeMfa,
    keys: {
      name: spec.name.toLowerCase(),
      users: spec.users.length,
      systems: spec.systems,
      admins: spec.admins,
      mfaCoverage: active.length > 0 ? Math.round((1000 * activeMfa) / active.length) : -1,
      lockedOut: locked,
      lastActivity: logins.length > 0 ? Math.max(...logins) : -Infinity,
    },
  };
}

function expected(models: Model[], q: Query, reach: Set<string> | null): string[] {
  const compare = (a: Model, b: Model) => {
    const [x, y] = [a.keys[q.sort], b.keys[q.sort]];
    const byKey = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return q.order === 'asc' ? byKey : -byKey;
  };
  return models
    .filter((m) => !reach || reach.has(m.id))
    .filter((m) => !q.status || (q.status === 'suspended') === m.spec.suspended)
    .filter((m) => q.hasLockouts === undefined || q.hasLockouts === m.locked > 0)
    .filter((m) => q.mfaBelow === undefined || (m.active > 0 && m.activeMfa * 100 < q.mfaBelow * m.active))
    .filter((m) => !q.search || m.keys.name.toString().includes(q.search) || m.publicId === q.search)
    .sort(compare)
    .map((m) => m.publicId);
}

describe('org table keyset paging (property)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let portfolio: PortfolioService;

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    portfolio = testApp.app.get(PortfolioService);
    // An org of another partner with every figure high: it must never appear.
    await createPartner(testApp.app, { orgs: [await createOrg(db, { name: 'acme outsider', users: 9, systems: 9 })] });
  });
  afterAll(() => testApp.close());

  it('visits every matching org exactly once, in sort order, with the right total, for any data, sort, filters, reach and page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(orgSpec, { minLength: 1, maxLength: 20 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.boolean(), async (specs, queries, limitedReach) => {
        const models: Model[] = [];
        for (const spec of specs) {
          const org = await createOrg(db, { name: spec.name, users: spec.users, systems: spec.systems });
          for (let i = 0; i < spec.admins; i += 1) {
            const [{ id }] = await db.query(`INSERT INTO administrators (email, name) VALUES ($1, 'Admin') RETURNING id`, [`${org.publicId}.${i}@property.example`]);
            await db.query('INSERT INTO org_admins (org_id, administrator_id) VALUES ($1, $2)', [org.id, id]);
          }
          if (spec.suspended) await db.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [org.id]);
          models.push(modelOf(org, spec));
        }
        const partner = await createPartner(testApp.app, { orgs: models.map((m) => ({ id: m.id, publicId: m.publicId, name: m.spec.name })) });
        const reach = limitedReach ? new Set(models.filter((m) => m.spec.inReach).map((m) => m.id)) : null;
        const scope: PortfolioScope = { partnerId: partner.id, orgIds: reach ? [...reach] : null };
        for (const q of queries) {
          const want = expected(models, q, reach);
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await portfolio.orgPage(scope, { ...q, cursor } as PortfolioOrgQueryDto);
            expect(page.total).toBe(want.length);
            expect(page.items.length).toBeLessThanOrEqual(q.limit);
            seen.push(...page.items.map((org) => org.orgId));
            cursor = page.nextCursor ?? undefined;
            pages += 1;
            if (pages > want.length + 1) throw new Error('paging does not end');
          } while (cursor);
          expect([q, seen]).toEqual([q, want]);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
