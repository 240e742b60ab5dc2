import { createTestApp, type TestApp } from './support/test-app.js';
import { dropDatabase } from '@mtp/testing';

describe('health endpoints', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('answers liveness without touching the database', async () => {
    const response = await testApp.http.get('/api/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: {}, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers readiness with the database check and its latency', async () => {
    const response = await testApp.http.get('/api/health/ready').expect(200);
    expect(response.body.checks.database).toEqual({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('answers 503 health.not_ready once the database is gone', async () => {
    await dropDatabase(process.env.MTP_TEST_SERVER_URL!, testApp.database.name);
    const response = await testApp.http.get('/api/health/ready').expect(503);
    expect(response.body).toMatchObject({ code: 'health.not_ready', detail: 'The database does not answer' });
    expect((await testApp.http.get('/api/health/live')).status).toBe(200);
  });
});

describe('health during shutdown', () => {
  it('stops answering ready as soon as shutdown begins', async () => {
    const testApp = await createTestApp();
    const { HealthService } = await import('../src/health/health.service.js');
    testApp.app.get(HealthService).beforeApplicationShutdown();
    const response = await testApp.http.get('/api/health/ready').expect(503);
    expect(response.body.detail).toBe('This instance is shutting down');
    await testApp.close();
  });
});
