import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../database/migrations';
import { fileContentEntity } from '../files/file-content.entity';
import { importErrorEntity, importRowEntity } from '../imports/import-staging.entities';
import { ENTITY_SCHEMAS } from '../metadata/entity-schema.factory';
import { comparisonSummaryRowEntity } from '../../modules/comparison/comparison-summary-row.entity';
import { comparisonExecutionCountEntity } from '../../modules/comparison/comparison-execution-count.entity';

/** Migrations build the schema; `synchronize` is never used (a spec checks they agree). */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...ENTITY_SCHEMAS, importRowEntity, importErrorEntity, fileContentEntity, comparisonSummaryRowEntity, comparisonExecutionCountEntity],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 10) },
  };
}
