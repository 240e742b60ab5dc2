// API tests: unit specs beside the code (src, *.spec.ts) and integration tests on a real PostgreSQL (test, *.test.ts).
export default {
  displayName: 'api',
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@mtp/contract$': '<rootDir>/../libs/contract/src/index.ts',
    '^@mtp/testing$': '<rootDir>/../libs/testing/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/support/environment.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30_000,
};
