import { importRecordEntity } from '../audit/import-record.entity';
import { fileContentEntity } from '../files/file-content.entity';
import { importErrorEntity, importRowEntity } from '../imports/import-staging.entities';
import { ENTITY_SCHEMAS } from '../metadata/entity-schema.factory';

/** The engine's tables: one per declared resource, plus import staging, import links and file contents. */
export const ENGINE_ENTITIES = [...ENTITY_SCHEMAS, importRowEntity, importErrorEntity, importRecordEntity, fileContentEntity];
