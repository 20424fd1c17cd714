import { EntitySchema } from 'typeorm';

/**
 * The printed 季通报 of an issued quarterly review: the job that prints it (running, done,
 * failed with a message) and, once done, the PDF itself. Kept here rather than as a file
 * of the files module, whose downloads follow the review's scope — which reaches the
 * schools, while a school reads its own line and not the region's ranking. An issued
 * review never changes, so a printed bulletin is never out of date. Internal: not a
 * resource; deleted with its review.
 */
export const reviewBulletinEntity = new EntitySchema<Record<string, unknown>>({
  name: 'review_bulletin',
  tableName: 'review_bulletins',
  columns: {
    reviewId: { name: 'review_id', type: 'integer', primary: true },
    status: { name: 'status', type: 'varchar', length: 16 },
    message: { name: 'message', type: 'jsonb', nullable: true },
    fileName: { name: 'file_name', type: 'varchar', length: 200, nullable: true },
    data: { name: 'data', type: 'bytea', nullable: true },
    requestedBy: { name: 'requested_by', type: 'integer' },
    requestedAt: { name: 'requested_at', type: 'timestamptz' },
    finishedAt: { name: 'finished_at', type: 'timestamptz', nullable: true },
  },
  relations: {
    reviewRef: { type: 'many-to-one', target: 'reviews', joinColumn: { name: 'review_id' }, onDelete: 'CASCADE' },
    requestedByRef: { type: 'many-to-one', target: 'users', joinColumn: { name: 'requested_by' }, onDelete: 'RESTRICT' },
  },
});
