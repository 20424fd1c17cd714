import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { checklistVersionResource } from '@zizhu/checks';
import type { Localized } from '@zizhu/schema';
import { Allow } from '../../engine/auth/allow.decorator';
import { DATA_ITEMS } from './data-items/data-item-catalogue';

export interface DataItemDescription {
  code: string;
  label: Localized;
  unit: Localized;
}

/** The data-item catalogue, for the designer's picker. */
@ApiTags('checks')
@ApiBearerAuth()
@Controller()
export class ChecklistDataItemsController {
  @Get('checklist-data-items')
  @Allow(...checklistVersionResource.access.update)
  @ApiOperation({ summary: 'Data items a checklist item may use: code, label, unit' })
  list(): DataItemDescription[] {
    return DATA_ITEMS.map(({ code, label, unit }) => ({ code, label, unit }));
  }
}
