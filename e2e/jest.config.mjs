// Browser tests of the built application: `node api/dist/main.js` serving web/dist, driven by Chromium.
// Run from the workspace root (npx jest -c e2e/jest.config.mjs) or from e2e/ (npm test).
export default {
  displayName: 'e2e',
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@mtp/contract$': '<rootDir>/../libs/contract/src/index.ts',
    '^@mtp/testing$': '<rootDir>/../libs/testing/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // Plain modules: jest applies neither the transform's path mapping nor moduleNameMapper to these.
  globalSetup: '<rootDir>/support/global-setup.mjs',
  globalTeardown: '<rootDir>/support/global-teardown.mjs',
  // Each file starts its own portal (and the startup file several): two at a time suit two cores.
  maxWorkers: 2,
  testTimeout: 90_000,
};
