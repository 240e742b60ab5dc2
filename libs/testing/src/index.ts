export * from './test-server.js';
export * from './test-databases.js';
