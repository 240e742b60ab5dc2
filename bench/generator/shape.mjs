// How orgs spread over partners and users over orgs. Real fleets are uneven: a few partners manage
// most orgs, and most orgs are small while a few hold thousands of users. The dashboard must stay
// fast for the partner with the most orgs, so the default shape is skewed on both counts.

// A log-normal spread of org sizes with this sigma puts the median near a quarter of the mean and
// about one org in a hundred above ten times the mean; a very few orgs come out empty.
const ORG_SIZE_SIGMA = 1.6;

export const SHAPES = {
  /** Partner sizes fall off as 1/rank (Zipf); org sizes are log-normal. */
  skewed: { partners: 'zipf', orgSizes: 'lognormal' },
  /** Partners manage as many orgs each; org sizes are log-normal. */
  even: { partners: 'equal', orgSizes: 'lognormal' },
  /** Every partner and every org the same size: the easy case, for comparison. */
  flat: { partners: 'equal', orgSizes: 'equal' },
};

/** Splits `total` into integer parts proportional to `weights` (largest remainders), summing exactly. */
export function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => [value - parts[index], index]).sort((a, b) => b[0] - a[0]);
  for (const [, index] of byRemainder) {
    if (left === 0) break;
    parts[index] += 1;
    left -= 1;
  }
  return parts;
}

/**
 * One entry per org to create, in partner order: `{ partnerIndex, users }`. By default the orgs are
 * spread over `partners` by the shape and `users` over all orgs. `partnerOrgs` (orgs per partner)
 * sets the spread explicitly instead, and `partnerUsers` (users per partner, with it) keeps each
 * partner's users within its own orgs, still skewed across them by the shape.
 */
export function planOrgs({ partners, orgs, users, shape, random, partnerOrgs, partnerUsers }) {
  const spec = SHAPES[shape];
  if (!spec) throw new Error(`unknown shape "${shape}"; known: ${Object.keys(SHAPES).join(', ')}`);
  const orgsPerPartner = partnerOrgs ?? spreadOverPartners(partners, orgs, spec);
  const sizeWeights = Array.from({ length: orgs }, () => (spec.orgSizes === 'lognormal' ? Math.exp(ORG_SIZE_SIGMA * random.normal()) : 1));
  const sizes = partnerUsers ? sizesWithinPartners(orgsPerPartner, partnerUsers, sizeWeights) : apportion(users, sizeWeights);
  const plan = [];
  orgsPerPartner.forEach((count, partnerIndex) => {
    for (let i = 0; i < count; i += 1) plan.push({ partnerIndex, users: sizes[plan.length] });
  });
  return plan;
}

function spreadOverPartners(partners, orgs, spec) {
  const partnerWeights = Array.from({ length: partners }, (_, rank) => (spec.partners === 'zipf' ? 1 / (rank + 1) : 1));
  // Every partner gets at least one org when there are enough, so none of the groups is empty.
  const floor = orgs >= partners ? 1 : 0;
  return apportion(orgs - floor * partners, partnerWeights).map((count) => count + floor);
}

function sizesWithinPartners(orgsPerPartner, partnerUsers, sizeWeights) {
  const sizes = [];
  orgsPerPartner.forEach((count, partnerIndex) => sizes.push(...apportion(partnerUsers[partnerIndex], sizeWeights.slice(sizes.length, sizes.length + count))));
  return sizes;
}
