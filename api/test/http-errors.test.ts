import { PROBLEM_CONTENT_TYPE } from '@mtp/contract';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('answers to bad requests (problem+json, never a 500)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({ status, code, type: `urn:mtp:problem:${code}` });
    expect(response.body.correlationId).toBe(response.headers['x-request-id']);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+|SELECT|node_modules/);
  }

  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const response = await testApp.http.post('/api/health/live').set('content-type', 'application/json').send('{"email": ');
    expectProblem(response, 400, 'request.malformed_json');
    expect(response.body.detail).toBe('The request body is not valid JSON');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await testApp.http.post('/api/health/live').set('content-type', 'text/plain').send('email=a@b.c');
    expectProblem(response, 415, 'request.unsupported_media_type');
  });

  it('answers a form-encoded body with 415', async () => {
    const response = await testApp.http.post('/api/health/live').type('form').send({ email: 'a@b.c' });
    expectProblem(response, 415, 'request.unsupported_media_type');
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await testApp.http.post('/api/health/live').set('content-type', 'application/json').send(JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }));
    expectProblem(response, 413, 'request.body_too_large');
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    const response = await testApp.http.get('/api/v1/no-such-thing');
    expectProblem(response, 404, 'request.not_found');
  });

  it('answers a known route with the wrong method with 404', async () => {
    expectProblem(await testApp.http.delete('/api/health/ready'), 404, 'request.not_found');
  });

  it('answers a malformed percent-encoding in the path without a 500', async () => {
    const response = await testApp.http.get('/api/health/%E0%A4%A');
    expect(response.status).toBeLessThan(500);
  });

  it('keeps a caller-supplied request id and uses it as the correlation id', async () => {
    const response = await testApp.http.get('/api/nothing-here').set('x-request-id', 'ticket-4711.trace');
    expect(response.headers['x-request-id']).toBe('ticket-4711.trace');
    expect(response.body.correlationId).toBe('ticket-4711.trace');
  });

  it('replaces a request id that is not a plain token', async () => {
    const response = await testApp.http.get('/api/nothing-here').set('x-request-id', 'a b<script>');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no framework banner', async () => {
    const response = await testApp.http.get('/api/health/live');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed by default', async () => {
    const response = await testApp.http.options('/api/health/live').set('origin', 'https://evil.example').set('access-control-request-method', 'GET');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS when origins are configured', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ CORS_ORIGINS: 'https://portal.example.com' });
  });
  afterAll(() => testApp.close());

  it('allows only the configured origin', async () => {
    const allowed = await testApp.http.get('/api/health/live').set('origin', 'https://portal.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.com');
    const other = await testApp.http.get('/api/health/live').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
