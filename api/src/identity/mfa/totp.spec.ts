import { base32Encode, matchingTotpStep, newTotpSecret, otpauthUrl, totpCodeAt, totpStep } from './totp.js';

describe('TOTP (speakeasy, with its pitfalls closed)', () => {
  const at = new Date('2026-11-28T12:00:10Z');

  it('encodes base32 as RFC 4648 does', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
  });

  it('makes 160-bit secrets, different every time', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts the code of the current step and one step either side, and says which step matched', () => {
    const secret = newTotpSecret();
    const step = totpStep(at);
    expect(matchingTotpStep(secret, totpCodeAt(secret, at), at)).toBe(step);
    expect(matchingTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchingTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
  });

  it('refuses codes two steps away', () => {
    const secret = newTotpSecret();
    expect(matchingTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchingTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 60_000)), at)).toBeNull();
  });

  it('never verifies against an empty or missing secret (speakeasy would accept a forged code)', () => {
    const forged = totpCodeAt('', at);
    expect(matchingTotpStep('', forged, at)).toBeNull();
    expect(matchingTotpStep(null, forged, at)).toBeNull();
    expect(matchingTotpStep(undefined, forged, at)).toBeNull();
  });

  it('refuses anything but six digits', () => {
    const secret = newTotpSecret();
    const code = totpCodeAt(secret, at);
    expect(matchingTotpStep(secret, ` ${code}`, at)).toBeNull();
    expect(matchingTotpStep(secret, `${code}0`, at)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', at)).toBeNull();
  });

  it('builds an otpauth URL authenticator apps read', () => {
    expect(otpauthUrl('ABCDEFGHIJKLMNOP', 'ana@msp.example')).toBe(
      'otpauth://totp/MTP%3Aana%40msp.example?secret=ABCDEFGHIJKLMNOP&issuer=MTP&algorithm=SHA1&digits=6&period=30',
    );
  });
});
