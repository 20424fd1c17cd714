import { Controller, Get, Headers, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { checklistVersionResource } from '@zizhu/checks';
import type { ChecklistDefinition } from '@zizhu/schema';
import type { Localized, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { Allow } from '../../engine/auth/allow.decorator';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { ApiException } from '../../engine/errors/api.exception';
import { localeOf } from '../../engine/errors/locale';
import { sendFile } from '../../engine/export/file-download';
import { xlsxSheetWriter } from '../../engine/export/xlsx-sheet.writer';
import { readSheet } from '../../engine/imports/sheet-reader';
import { sheetUpload, uploadedName } from '../../engine/imports/sheet-upload';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { RecordIdTextPipe } from '../../engine/rest/record-id.pipe';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { refuseFrozen } from './checklist-version.service';
import { CHECKLIST_SHEET_COLUMNS, checklistExportColumns, definitionRows, readDefinition, type SheetRowError } from './checklist-sheet';
import { CHECKS_MESSAGES } from './checks-messages';
import { DATA_ITEM_CODES } from './data-items/data-item-catalogue';

/** A checklist of a few hundred items is well under a megabyte. */
const MAX_SHEET_BYTES = 4 * 1024 * 1024;
/** Row errors reported at most (the rest are counted in the `file` message). */
const MAX_REPORTED_ERRORS = 200;

/** 检查表 Excel: a version's sections and items as rows, out and (into a draft) back in. */
@ApiTags('checks')
@ApiBearerAuth()
@Controller()
export class ChecklistSheetController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
  ) {}

  @Get('checklist-versions/:id/export.xlsx')
  @Allow(...checklistVersionResource.access.list)
  @ApiOperation({ summary: "A version's sections and items as an .xlsx sheet, one row per item (import it back into a draft)" })
  async exportSheet(
    @Param('id', RecordIdTextPipe) id: string,
    @Headers('accept-language') language: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const version = await this.reader.getOne(checklistVersionResource, id, user);
    const [template] = await this.db.query(`SELECT code FROM checklist_templates WHERE id = $1`, [version.templateId]);
    const name = `${template?.code ?? 'checklist'}-v${version.number}.xlsx`;
    const locale = localeOf(language);
    await sendFile(response, { name, asciiName: `checklist-version-${version.id}.xlsx` }, async (out) => {
      const sheet = xlsxSheetWriter(out, checklistExportColumns(locale), locale === 'zh' ? '检查表' : 'Checklist', { keysRow: true });
      sheet.writeRecords(definitionRows(version.definition as unknown as ChecklistDefinition));
      await sheet.finish();
    });
  }

  @Post('checklist-versions/:id/import')
  @HttpCode(200)
  @Allow(...checklistVersionResource.access.update)
  @ApiOperation({ summary: "Replace a draft's sections and items from an exported .xlsx (multipart `file`): all or nothing, 422 with `rows.<n>.<column>` for each bad cell" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(sheetUpload(MAX_SHEET_BYTES))
  async importSheet(@Param('id', RecordIdTextPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    try {
      const version = await this.reader.getOne(checklistVersionResource, id, user);
      refuseFrozen(version);
      if (!file || !uploadedName(file).toLowerCase().endsWith('.xlsx')) throw ApiException.validation({ file: CHECKS_MESSAGES.sheetRequired });
      let read;
      try {
        read = await readDefinition(readSheet({ path: file.path, kind: 'xlsx' }), DATA_ITEM_CODES);
      } catch {
        throw ApiException.validation({ file: CHECKS_MESSAGES.sheetUnreadable });
      }
      if (!read.definition) throw rowErrors(read.errors);
      // The generic update: the behaviour checks the definition and the frozen status again on the locked row, audited.
      return await this.writer.update(checklistVersionResource, id, { definition: read.definition, version: version.version }, user);
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  }
}

/** 422 in the API's one shape (as the bank result's): `file` says nothing was changed; `rows.<n>.<column>` each problem. */
function rowErrors(errors: readonly SheetRowError[]): ApiException {
  const fields: Record<string, Localized> = {};
  const header = (column: string) => CHECKLIST_SHEET_COLUMNS.find((c) => c.key === column)?.header;
  const bad = errors.filter((e) => e.column !== 'file');
  if (bad.length < errors.length) fields.file = errors.find((e) => e.column === 'file')!.message;
  else fields.file = CHECKS_MESSAGES.sheetRowsInvalid(new Set(bad.map((e) => e.row)).size);
  for (const e of [...bad].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS)) {
    const name = header(e.column) ?? { zh: e.column, en: e.column };
    const key = `rows.${e.row}.${e.column}`;
    const message = { zh: `第 ${e.row} 行 ${name.zh}：${e.message.zh}`, en: `Row ${e.row}, ${name.en}: ${e.message.en}` };
    fields[key] = fields[key] ? { zh: `${fields[key].zh}；${e.message.zh}`, en: `${fields[key].en}; ${e.message.en}` } : message;
  }
  return ApiException.validation(fields);
}
