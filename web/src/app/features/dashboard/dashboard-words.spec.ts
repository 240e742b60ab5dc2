import { expiryWords } from './dashboard-words';

describe('expiryWords', () => {
  const now = Date.parse('2026-11-20T12:00:00.000Z');

  it('says a password whose time has come has expired', () => {
    expect(expiryWords('2026-11-20T12:00:00.000Z', now)).toEqual({ expired: true, words: 'Expired' });
    expect(expiryWords('2026-11-01T08:00:00.000Z', now)).toEqual({ expired: true, words: 'Expired' });
  });

  it('counts a part of a day as a day left', () => {
    expect(expiryWords('2026-11-20T13:00:00.000Z', now)).toEqual({ expired: false, words: 'in 1 day' });
    expect(expiryWords('2026-11-23T12:00:00.000Z', now)).toEqual({ expired: false, words: 'in 3 days' });
    expect(expiryWords('2026-11-23T12:00:01.000Z', now)).toEqual({ expired: false, words: 'in 4 days' });
  });
});
