import type { DataSourceOptions } from 'typeorm';
import { ENGINE_ENTITIES } from '../engine/database/engine.entities';
import { COMPARISON_ENTITIES } from '../modules/comparison/comparison.entities';
import { INSPECTION_REPORT_ENTITIES } from '../modules/inspections/report/inspection-report.entities';
import { REVIEW_ENTITIES } from '../modules/reviews/reviews.entities';
import { MIGRATIONS } from './migrations';

/**
 * The composition root of the schema: the engine's entities and each module's own, built by
 * the migrations; `synchronize` is never used (a spec checks they agree).
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...ENGINE_ENTITIES, ...COMPARISON_ENTITIES, ...INSPECTION_REPORT_ENTITIES, ...REVIEW_ENTITIES],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 10) },
  };
}
