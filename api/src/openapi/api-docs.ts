import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION } from '../app-version.js';
import { ProblemDto } from './problem.dto.js';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const API_DOCS_PATH = 'api/docs';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('MTP API')
    .setDescription(
      'The REST API of MTP, the Multi-Tenant Portal: partners manage their customer organizations, ' +
        'platform staff run the back-office, and integrators automate both. Every error is an RFC 9457 ' +
        'problem+json document (schema `ProblemDto`) with a stable `code`.',
    )
    .setVersion(APP_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Portal access token from POST /api/v1/auth/mfa (15 minutes)' }, 'portal')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Enrollment token from POST /api/v1/auth/login, for the MFA enrollment routes only' }, 'enrollment')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Org-console token of a launch session, from POST /api/v1/partner/orgs/{orgId}/sessions: org routes of that org only, until the session ends' },
      'org-console',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Staff access (back-office)' }, 'staff')
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDto],
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
}

export function setUpApiDocs(app: INestApplication): void {
  SwaggerModule.setup(API_DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'MTP API',
  });
}
