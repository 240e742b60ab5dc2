import { CODE_LENGTH, newVerificationCode, normalizeVerificationCode } from './verification-code.js';

describe('verification codes', () => {
  it('are 8 unambiguous characters, fresh each time', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{${CODE_LENGTH}}$`));
  });

  it('use every symbol about as often (no bias toward the first ones)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1) for (const symbol of newVerificationCode()) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 32,000 symbols over 32: 1,000 each on average; a biased draw would leave some far below.
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
  });

  it('read what a person typed as the code it means', () => {
    expect(normalizeVerificationCode(' 7k2m-9qxo ')).toBe('7K2M9QX0');
    expect(normalizeVerificationCode('ab1l iO')).toBe('AB11' + '10');
  });
});
