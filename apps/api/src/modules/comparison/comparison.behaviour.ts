import { Injectable } from '@nestjs/common';
import { checkDeadline, chinaDate, comparisonResource } from '@zizhu/identities';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { resultsPartition } from './comparison-match.sql';
import { comparisonRecordsView } from './comparison-subtree-figures';

type Row = Record<string, unknown>;

const DELETE_MESSAGES = {
  running: { zh: '比对正在运行，不能删除', en: 'The comparison is running and cannot be deleted' },
  decided: {
    zh: '已有学校核实了本次比对的结果，不能删除（如名单有误，可修改后重新运行）',
    en: 'Schools have decided results of this comparison, so it cannot be deleted (fix the lists and re-run it instead)',
  },
};

/**
 * Comparison runs: a deadline must not lie in the past (China's date) or more than a year
 * ahead, an unchanged one stays; a run is deleted with what it produced; runs read from
 * below carry the reader's subtree's figures.
 */
@Injectable()
@Behaviour(comparisonResource)
export class ComparisonBehaviour implements ResourceBehaviour {
  async validate({ body, existing }: RecordWrite): Promise<void> {
    const invalid = checkDeadline(body.deadline, chinaDate(new Date()), existing?.deadline);
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
  }

  /**
   * Its results table, summary and history go with it. Refused while it runs, and once a
   * school has decided any of its results: their verification is work to keep (re-run instead).
   */
  async beforeDelete(existing: Row, manager: EntityManager): Promise<void> {
    if (existing.status === 'running') throw new ApiException('IN_USE', DELETE_MESSAGES.running);
    const partition = resultsPartition(Number(existing.id));
    const [{ stored }] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS stored`, [partition]);
    if (stored) {
      const [{ decided }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM "${partition}" WHERE decision <> 'pending') AS decided`);
      if (decided) throw new ApiException('IN_USE', DELETE_MESSAGES.decided);
      await manager.query(`DROP TABLE "${partition}"`);
    }
    await manager.query(`DELETE FROM comparison_executions WHERE comparison_id = $1`, [existing.id]);
  }

  view = comparisonRecordsView;
}
