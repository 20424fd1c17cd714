import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '../errors/locale';

const PAGE = 5_000;

/** Invalid rows with their messages, read in row-number ranges (never all at once). */
@Injectable()
export class ImportErrorRows {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async *rows(importId: number, locale: Locale): AsyncGenerator<{ row: number; raw: unknown[]; messages: string[] }> {
    let after = 0;
    for (;;) {
      const page: { row: number; raw: string; messages: string[] }[] = await this.db.query(
        `SELECT r.row_number AS row, r.raw,
                array_agg(CASE WHEN e.column_header = '' THEN '' ELSE e.column_header || '：' END || ${locale === 'zh' ? 'e.message_zh' : 'e.message_en'} ORDER BY e.id) AS messages
           FROM import_rows r JOIN import_errors e ON e.import_id = r.import_id AND e.row_number = r.row_number
          WHERE r.import_id = $1 AND r.row_number > $2
          GROUP BY r.row_number, r.raw ORDER BY r.row_number LIMIT ${PAGE}`,
        [importId, after],
      );
      for (const { row, raw, messages } of page) yield { row, raw: JSON.parse(raw) as unknown[], messages };
      if (page.length < PAGE) return;
      after = page[page.length - 1].row;
    }
  }
}
