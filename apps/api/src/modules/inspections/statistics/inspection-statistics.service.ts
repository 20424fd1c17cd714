import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  InspectionFigures,
  InspectionPlanStatistics,
  InspectionRegionFigures,
  InspectionStatistics,
  SectionAverage,
  SessionUser,
} from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { isInt4 } from '../../../engine/rest/value-checks';
import { escapeLike } from '../../../engine/rest/list-query';
import type { InspectionStatisticsQueryDto } from './dtos/inspection-statistics-query.dto';
import { INSPECTION_STATISTICS_MESSAGES as M } from './inspection-statistics-messages';
import { FIGURES_SQL, PLANS_SQL, SECTIONS_SQL } from './inspection-statistics.sql';

interface Region {
  id: string;
  name: string;
  path: string;
}

interface FigureRow {
  planId: number;
  child: string | null;
  isTotal: boolean;
  planned: number;
  done: number;
  averageScore: number | null;
  findings: number;
  high: number;
  medium: number;
  low: number;
  closed: number;
  overdue: number;
}

interface SectionRow {
  planId: number;
  child: string | null;
  isTotal: boolean;
  section: string;
  average: number | null;
}

type PlanRow = Omit<InspectionPlanStatistics, 'total' | 'regions'>;

/** Which group of a plan a row describes: its total, a child region, or the region's direct schools. */
const groupKey = (planId: number, row: { child: string | null; isTotal: boolean }): string => `${planId}:${row.isTotal ? 'total' : (row.child ?? 'direct')}`;

/** 督查统计: per plan, a region's inspections done / planned, scores by section, findings and their rectification. */
@Injectable()
export class InspectionStatisticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async statistics(query: InspectionStatisticsQueryDto, user: SessionUser): Promise<InspectionStatistics> {
    const region = await this.region(query.regionId, user);
    const planId = query.planId === undefined ? null : Number(query.planId);
    if (planId !== null && !isInt4(planId)) throw ApiException.validation({ planId: M.badPlanId });
    const plans: PlanRow[] = await this.db.query(PLANS_SQL, [region.path, planId]);
    if (planId !== null && !plans.length) throw ApiException.validation({ planId: M.planNotFound });
    const children: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM regions WHERE parent_id = $1 ORDER BY id`, [region.id]);

    const params = [plans.map((p) => p.planId), `${escapeLike(region.path)}%`, region.id, region.path.split('.').length];
    const [figures, sections]: [FigureRow[], SectionRow[]] = plans.length
      ? await Promise.all([this.db.query(FIGURES_SQL, params), this.db.query(SECTIONS_SQL, params)])
      : [[], []];
    const byGroup = new Map(figures.map((row) => [groupKey(row.planId, row), row]));
    const averages = new Map<string, Map<string, number | null>>();
    for (const row of sections) {
      const key = groupKey(row.planId, row);
      if (!averages.has(key)) averages.set(key, new Map());
      averages.get(key)?.set(row.section, row.average);
    }
    const figuresOf = (plan: PlanRow, group: string): InspectionFigures => {
      const key = `${plan.planId}:${group}`;
      return toFigures(byGroup.get(key), sectionAverages(plan, averages.get(key)));
    };

    return {
      regionId: region.id,
      regionName: region.name,
      plans: plans.map((plan) => {
        const regions: InspectionRegionFigures[] = children.map((child) => ({ regionId: child.id, regionName: child.name, ...figuresOf(plan, child.id) }));
        if (byGroup.has(`${plan.planId}:direct`)) regions.push({ regionId: region.id, regionName: region.name, direct: true, ...figuresOf(plan, 'direct') });
        return { ...plan, total: figuresOf(plan, 'total'), regions };
      }),
    };
  }

  /** The region asked for (in the reader's subtree), else the reader's own. */
  private async region(regionId: string | undefined, user: SessionUser): Promise<Region> {
    const [region]: Region[] = regionId
      ? await this.db.query(`SELECT id, name, scope_path AS path FROM regions WHERE id = $1 AND scope_path LIKE $2`, [regionId, `${escapeLike(user.scopePath)}%`])
      : await this.db.query(`SELECT id, name, scope_path AS path FROM regions WHERE scope_path = $1`, [user.scopePath]);
    if (!region) throw ApiException.validation({ regionId: regionId ? M.regionNotFound : M.notARegionUser });
    return region;
  }
}

function sectionAverages(plan: PlanRow, averages: Map<string, number | null> | undefined): SectionAverage[] {
  return plan.sections.map((section) => ({ key: section.key, average: averages?.get(section.key) ?? null }));
}

function toFigures(row: FigureRow | undefined, sections: SectionAverage[]): InspectionFigures {
  const findings = row?.findings ?? 0;
  const closed = row?.closed ?? 0;
  return {
    planned: row?.planned ?? 0,
    done: row?.done ?? 0,
    averageScore: row?.averageScore ?? null,
    sections,
    findings: { total: findings, high: row?.high ?? 0, medium: row?.medium ?? 0, low: row?.low ?? 0 },
    closed,
    overdue: row?.overdue ?? 0,
    rectificationRateBp: findings > 0 ? Math.floor((closed * 10000) / findings) : null,
  };
}
