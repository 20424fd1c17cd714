import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import type { Locale } from '../errors/locale';
import { SessionUserPayload } from '../jobs/job-payload';
import type { CsvEncoding } from './csv-sheet.writer';
import type { ExportFormat } from './export-format';

/**
 * An export job: the export's parameters as the request gave them (checked there, parsed
 * again when the job runs) and the user it runs for. The filter may hold personal values
 * (an ID number): the queue keeps finished jobs a day at most.
 */
export class ExportJobPayload {
  @IsInt()
  @Min(1)
  exportJobId!: number;

  @ValidateNested()
  @Type(() => SessionUserPayload)
  user!: SessionUserPayload;

  @IsString()
  resource!: string;

  @IsIn(['xlsx', 'csv'])
  format!: ExportFormat;

  @IsIn(['utf-8', 'gbk'])
  encoding!: CsvEncoding;

  @IsIn(['zh', 'en'])
  locale!: Locale;

  /** JSON text, as `?filter=` takes it. */
  @IsString()
  filter!: string;

  /** JSON text, as `?sort=` takes it. */
  @IsString()
  sort!: string;
}
