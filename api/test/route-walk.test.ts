import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../src/identity/access/access-rules.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface DiscoveredRoute {
  method: string;
  path: string;
  handler: string;
  rule?: AccessRule;
}

function join(...parts: (string | undefined)[]): string {
  return `/${parts.filter(Boolean).map((part) => part!.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
}

/** Every route of the running app, with the access rule it declares (if any). */
function discoverRoutes(testApp: TestApp): DiscoveredRoute[] {
  const discovery = new DiscoveryService(testApp.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = testApp.app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, (...args: unknown[]) => unknown>;
    const declared: string | string[] = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const version: string | undefined = Reflect.getMetadata(VERSION_METADATA, controller);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name]!;
      const path: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]);
      for (const base of Array.isArray(declared) ? declared : [declared]) {
        routes.push({ method, path: join('api', version ? `v${version}` : undefined, base, path), handler: `${controller.name}.${name}`, rule });
      }
    }
  }
  return routes;
}

describe('every route declares who may call it (deny by default)', () => {
  let testApp: TestApp;
  let routes: DiscoveredRoute[];
  beforeAll(async () => {
    testApp = await createTestApp();
    routes = discoverRoutes(testApp);
  });
  afterAll(() => testApp.close());

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/me', 'GET /api/health/ready']));
  });

  it('has no route without an access rule', () => {
    expect(routes.filter((route) => !route.rule).map((route) => route.handler)).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const closed = routes.filter((route) => route.rule?.kind !== 'public');
    expect(closed.length).toBeGreaterThan(0);
    const answers: string[] = [];
    for (const route of closed) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await testApp.http[route.method.toLowerCase() as 'get'](path).set('content-type', 'application/json').send('{}');
      if (response.status !== 401) answers.push(`${route.method} ${route.path} answered ${response.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('answers 401 to a garbage bearer token on every route that is not public', async () => {
    const answers: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule?.kind !== 'public')) {
      const response = await testApp.http[route.method.toLowerCase() as 'get'](route.path).set('authorization', 'Bearer not.a.token');
      if (response.status !== 401) answers.push(`${route.method} ${route.path} answered ${response.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('lists the public routes, so that opening one is a reviewed change', () => {
    const open = routes.filter((route) => route.rule?.kind === 'public').map((route) => `${route.method} ${route.path}`).sort();
    expect(open).toEqual(
      [
        'GET /api/health/live',
        'GET /api/health/ready',
        'GET /api/v1/dev/mailbox',
        'GET /api/v1/dev/mailbox/:id',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/mfa',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/requests',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/public/applications',
        'POST /api/v1/public/invitations/accept',
        'POST /api/v1/public/invitations/lookup',
        'POST /api/v1/public/verifications/approve',
        'POST /api/v1/public/verifications/decline',
        'POST /api/v1/public/verifications/lookup',
      ].sort(),
    );
  });
});
