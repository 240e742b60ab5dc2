import { answerNoSoonerThan } from './even-timing.js';

describe('answerNoSoonerThan', () => {
  it('holds a quick answer back to the floor, and passes the result through', async () => {
    const started = performance.now();
    expect(await answerNoSoonerThan(30, () => Promise.resolve('done'))).toBe('done');
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('holds a failure back too: an error must not answer faster than a success', async () => {
    const started = performance.now();
    await expect(answerNoSoonerThan(30, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('adds nothing to work that already took longer', async () => {
    const started = performance.now();
    await answerNoSoonerThan(5, () => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(performance.now() - started).toBeLessThan(80);
  });
});
