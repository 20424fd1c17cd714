import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { RESOURCES } from '../metadata/resource-registry';
import { recordSchema, resourcePaths, schemaName } from './resource-openapi';

/** OpenAPI at /api/docs: the fixed routes from their decorators, every resource from its declaration. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Zizhu API')
    .setDescription('Student financial aid (资助). Lists follow the ra-data-simple-rest protocol.')
    .setVersion('0.1.0')
    .addBearerAuth(undefined, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ApiError = {
    type: 'object',
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string' },
      message: { type: 'string' },
      errors: { type: 'object', additionalProperties: { type: 'string' } },
    },
  };
  for (const resource of RESOURCES) {
    document.components.schemas[schemaName(resource)] = recordSchema(resource);
    Object.assign(document.paths, resourcePaths(resource));
  }
  SwaggerModule.setup('api/docs', app, document);
  return document;
}
