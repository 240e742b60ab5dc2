import { createTestApp, type TestApp } from './support/test-app.js';

describe('API documentation', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('serves the OpenAPI 3 document with every route and the problem schema', async () => {
    const response = await testApp.http.get('/api/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info.title).toBe('MTP API');
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready']));
    expect(response.body.components.schemas.ProblemDto.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'correlationId']));
  });

  it('serves Swagger UI at /api/docs', async () => {
    const response = await testApp.http.get('/api/docs').expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain('<title>MTP API</title>');
  });
});
