import { EntitySchema } from 'typeorm';

/**
 * The state of one inspection's printable report: the job that writes it (running, done,
 * failed with a message) and the basis it was written from (a hash of the versions of the
 * inspection, its plan, its checklist and its findings), so a report printed before a
 * finding moved on is known to be out of date. The PDF itself is a file of the files module
 * (`inspections.report_file_id`). Internal: not a resource; deleted with its inspection.
 */
export const inspectionReportEntity = new EntitySchema<Record<string, unknown>>({
  name: 'inspection_report',
  tableName: 'inspection_reports',
  columns: {
    inspectionId: { name: 'inspection_id', type: 'integer', primary: true },
    status: { name: 'status', type: 'varchar', length: 16 },
    basis: { name: 'basis', type: 'varchar', length: 32, nullable: true },
    message: { name: 'message', type: 'jsonb', nullable: true },
    requestedBy: { name: 'requested_by', type: 'integer' },
    requestedAt: { name: 'requested_at', type: 'timestamptz' },
    finishedAt: { name: 'finished_at', type: 'timestamptz', nullable: true },
  },
  relations: {
    inspectionRef: { type: 'many-to-one', target: 'inspections', joinColumn: { name: 'inspection_id' }, onDelete: 'CASCADE' },
    requestedByRef: { type: 'many-to-one', target: 'users', joinColumn: { name: 'requested_by' }, onDelete: 'RESTRICT' },
  },
});
