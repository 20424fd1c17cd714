import type { PoolClient } from 'pg';
import { aidQueryUrl } from '../../modules/outreach/letters/aid-query-link';
import { type Sql, writeLetters } from '../../modules/outreach/letters/letter-writer';
import { DEMO_FUNDS_TERM } from './demo-funds';

/** The city's default 致家长的一封信, as an administrator would write it (seed 000: 发放告知). */
export const DEMO_LETTER_TEMPLATE = {
  name: '学生资助资金发放告知书（家长版）',
  body: [
    '尊敬的{{guardianName}}：',
    '您好！根据国家和自治区学生资助政策，您的孩子{{studentName}}（{{schoolName}}{{className}}）在{{term}}获得以下资助：',
    '{{payments}}',
    '以上合计 {{total}} 元，已通过资助卡或银行账户（{{account}}）直接发放到学生或家长名下，请注意查收。',
    '学生资助资金专款专用，任何单位和个人不得以任何理由截留、挤占、挪用，不得向学生收取任何费用。如发现资助资金未足额到账、被代领或被收取费用等问题，请及时向学校或当地学生资助管理中心反映。',
    '您也可以扫描下方二维码，或在浏览器中打开 {{queryUrl}}，输入学生姓名和身份证号，随时查询资助发放情况。',
    '感谢您对学生资助工作的支持！',
    '{{issuer}}',
  ].join('\n'),
  receiptText: '本人已收到《致家长的一封信》，知悉{{studentName}}在{{term}}获得学生资助合计 {{total}} 元。',
} as const;

/** When the demo schools handed the letters out, and when the signed slips came back. */
export const DEMO_LETTER_DATES = { generatedAt: '2026-05-06T09:00:00+08:00', deliveredOn: '2026-05-08', receiptsOn: '2026-05-12' } as const;

/**
 * 演示告知书: the city's published template, and a letter for every recipient of the demo
 * term made exactly as a run makes them (letter-writer.ts, from the paid lines net of the
 * refund); two letters in three delivered, one in three with its 回执 back, so coverage
 * shows something to chase. The QR link uses PUBLIC_BASE_URL, else the default local
 * address; regenerating from the panel writes the address the panel is served at.
 */
export async function seedLetters(client: PoolClient, cityId: string): Promise<void> {
  const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
  const { year, term } = DEMO_FUNDS_TERM;
  const [city] = await sql(`SELECT name, scope_path FROM regions WHERE id = $1`, [cityId]);
  const [template] = await sql(
    `INSERT INTO letter_templates (name, region_id, body, receipt_text, status, revision, published_at, scope_path, version)
     VALUES ($1, $2, $3, $4, 'published', 1, $5, $6, 1) RETURNING id`,
    [DEMO_LETTER_TEMPLATE.name, cityId, DEMO_LETTER_TEMPLATE.body, DEMO_LETTER_TEMPLATE.receiptText, DEMO_LETTER_DATES.generatedAt, city.scope_path],
  );
  const counts = await writeLetters(sql, {
    target: { scopePath: city.scope_path as string, year, term },
    template: { id: template.id as number, revision: 1, ...DEMO_LETTER_TEMPLATE },
    context: { year, term, queryUrl: aidQueryUrl(process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`), issuerRegion: city.name as string },
    userId: null,
  });
  await sql(
    `UPDATE letters SET status = CASE WHEN id % 3 = 1 THEN 'receiptReturned' ELSE 'delivered' END,
            delivered_at = $1::date, receipt_returned_at = CASE WHEN id % 3 = 1 THEN $2::date END
      WHERE year = $3 AND term = $4 AND id % 3 <> 0`,
    [DEMO_LETTER_DATES.deliveredOn, DEMO_LETTER_DATES.receiptsOn, year, term],
  );
  await sql(
    `INSERT INTO letter_runs (region_id, year, term, template_id, status, progress, counts, started_by, started_at, finished_at, scope_path)
     SELECT $1, $2, $3, $4, 'done', '{"percent":100}', $5, u.id, $6, $6, $7 FROM users u WHERE u.username = 'admin'`,
    [cityId, year, term, template.id, counts, DEMO_LETTER_DATES.generatedAt, city.scope_path],
  );
}
