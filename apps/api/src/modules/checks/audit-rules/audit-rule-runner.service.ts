import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleGroup } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AUDIT_RECORD_KEY, AUDIT_SUBJECT_FROM, auditRuleSql } from './audit-rule.sql';

/** What one run of a rule found: matching lines, clues it opened, matches that had their clue already. */
export interface AuditRunCounts {
  matched: number;
  opened: number;
  alreadyOpen: number;
}

interface StoredRule {
  id: number;
  name: string;
  description: string;
  condition: RuleGroup;
  programId: number | null;
  daysToRectify: number;
  scopePath: string;
}

const RULE_COLUMNS = `id, name, description, condition, program_id AS "programId", days_to_rectify AS "daysToRectify", scope_path AS "scopePath"`;

/**
 * Runs audit rules: one INSERT … SELECT per rule, opening a clue for each matching line
 * (ON CONFLICT on rule + record: a line has one clue per rule, however often it runs).
 */
@Injectable()
export class AuditRuleRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs one rule over the schools under `scopePath` (the rule's region or below); who ran it opens the clues. */
  async run(ruleId: number, scopePath: string | null, openedBy: number | null): Promise<AuditRunCounts> {
    return this.db.transaction(async (manager) => {
      const [rule] = await manager.query(`SELECT ${RULE_COLUMNS} FROM audit_rules WHERE id = $1 FOR UPDATE`, [ruleId]);
      if (!rule) return { matched: 0, opened: 0, alreadyOpen: 0 };
      const counts = await this.runRule(manager, rule as StoredRule, scopePath, openedBy);
      await manager.query(`UPDATE audit_rules SET last_run_at = now(), last_matched = $2, last_opened = $3 WHERE id = $1`, [ruleId, counts.matched, counts.opened]);
      return counts;
    });
  }

  /** Every active rule over its whole region (the nightly run). */
  async runActive(): Promise<Record<number, AuditRunCounts>> {
    const rules: { id: number }[] = await this.db.query('SELECT id FROM audit_rules WHERE active ORDER BY id');
    const results: Record<number, AuditRunCounts> = {};
    for (const { id } of rules) results[id] = await this.run(id, null, null);
    return results;
  }

  /** Whether the rule still matches the record its clue was opened for (the clue may not be accepted while it does). */
  async stillMatches(manager: EntityManager, ruleId: number, recordKey: string): Promise<boolean> {
    const [rule] = await manager.query(`SELECT ${RULE_COLUMNS} FROM audit_rules WHERE id = $1`, [ruleId]);
    if (!rule) return false;
    const params: unknown[] = [recordKey];
    const { where } = this.matchSql(rule as StoredRule, null, params);
    const [row] = await manager.query(`SELECT 1 ${AUDIT_SUBJECT_FROM} AND ${AUDIT_RECORD_KEY} = $1 AND ${where} LIMIT 1`, params);
    return Boolean(row);
  }

  private async runRule(manager: EntityManager, rule: StoredRule, scopePath: string | null, openedBy: number | null): Promise<AuditRunCounts> {
    const params: unknown[] = [rule.id, rule.name, rule.description, rule.daysToRectify, openedBy];
    const { where } = this.matchSql(rule, scopePath, params);
    const [row] = await manager.query(
      `WITH matched AS (
         SELECT d.id, d.serial_no, d.amount, d.date, d.school_id, d.student_id, d.program_id, d.year, d.term, sc.scope_path, ${AUDIT_RECORD_KEY} AS record_key
         ${AUDIT_SUBJECT_FROM} AND ${where}),
       opened AS (
         INSERT INTO clues (source, kind, description, school_id, student_id, program_id, year, term, due_date, status, refund_required,
                            audit_rule_id, record_key, opened_by, scope_path, version)
         SELECT 'dataRule', $2, left($3 || '（发放流水号 ' || m.serial_no || '，' || to_char(m.date, 'YYYY-MM-DD') || '，金额 '
                                     || to_char(m.amount / 100.0, 'FM999999990.00') || ' 元）', 2000),
                m.school_id, m.student_id, m.program_id, m.year, m.term, current_date + $4::int, 'open', false,
                $1, m.record_key, $5, m.scope_path, 1
           FROM matched m ORDER BY m.id
         ON CONFLICT (audit_rule_id, record_key) WHERE audit_rule_id IS NOT NULL DO NOTHING
         RETURNING id)
       SELECT (SELECT count(*) FROM matched)::int AS matched, (SELECT count(*) FROM opened)::int AS opened`,
      params,
    );
    return { matched: row.matched, opened: row.opened, alreadyOpen: row.matched - row.opened };
  }

  /** The rule's condition, its program and the scope (the rule's region, narrowed to the caller's), with params bound. */
  private matchSql(rule: StoredRule, scopePath: string | null, params: unknown[]): { where: string } {
    const parts = [auditRuleSql(rule.condition, params)];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const path = scopePath && scopePath.startsWith(rule.scopePath) ? scopePath : rule.scopePath;
    parts.push(`sc.scope_path LIKE ${bind(`${path}%`)}`);
    if (rule.programId !== null) parts.push(`d.program_id = ${bind(rule.programId)}`);
    return { where: parts.join(' AND ') };
  }
}
