// The preset has no exports map, so its entry files are required by path.
const { createCjsPreset } = require('jest-preset-angular/presets/index.js');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset(),
  displayName: 'web',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    // The shared libs are native ESM sources importing './x.js'; jest resolves them to './x.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@mtp/api-client$': '<rootDir>/../libs/api-client/src/index.ts',
    '^@mtp/contract$': '<rootDir>/../libs/contract/src/index.ts',
  },
  cacheDirectory: '<rootDir>/../node_modules/.cache/jest-web',
};
