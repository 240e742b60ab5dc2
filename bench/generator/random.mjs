// Seeded randomness for the data generator. The stream is AES-128-CTR over zeros, keyed by a hash of
// the seed: the same seed gives the same data set on every machine and Node version, and the
// cipher runs in native code, so a million users cost little.
import { createCipheriv, createHash } from 'node:crypto';

const BLOCK_BYTES = 1 << 16;
const ZEROS = Buffer.alloc(BLOCK_BYTES);

export function createRandom(seed) {
  const key = createHash('sha256').update(`mtp-bench-generator:${seed}`).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  let block = cipher.update(ZEROS);
  let offset = 0;

  function bytes(count) {
    if (offset + count > BLOCK_BYTES) {
      block = cipher.update(ZEROS);
      offset = 0;
    }
    offset += count;
    return block.subarray(offset - count, offset);
  }

  const next = () => bytes(4).readUInt32LE(0) / 4294967296;
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    between: (min, max) => min + next() * (max - min),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A standard normal deviate (Box-Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    hex: (characters) => bytes(Math.ceil(characters / 2)).toString('hex').slice(0, characters),
    uuid() {
      const raw = Buffer.from(bytes(16));
      raw[6] = (raw[6] & 0x0f) | 0x40;
      raw[8] = (raw[8] & 0x3f) | 0x80;
      const hex = raw.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}

/** A picker over [value, weight] pairs, built once because it runs for every generated row. */
export function weighted(pairs) {
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  const thresholds = pairs.map(([value, weight]) => [value, (running += weight) / total]);
  return (random) => {
    const draw = random.next();
    return (thresholds.find(([, threshold]) => draw < threshold) ?? thresholds.at(-1))[0];
  };
}
