import { EntitySchema } from 'typeorm';

/** The bytes of a file (`files` holds its metadata); deleted with it. Internal: not a resource. */
export const fileContentEntity = new EntitySchema<Record<string, unknown>>({
  name: 'file_content',
  tableName: 'file_contents',
  columns: {
    fileId: { name: 'file_id', type: 'integer', primary: true },
    data: { name: 'data', type: 'bytea' },
  },
  relations: {
    fileRef: { type: 'many-to-one', target: 'files', joinColumn: { name: 'file_id' }, onDelete: 'CASCADE' },
  },
});
