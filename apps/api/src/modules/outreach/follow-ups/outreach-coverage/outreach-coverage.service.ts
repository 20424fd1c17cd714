import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COVERAGE_SHARES,
  type CoverageCampaign,
  type OutreachCoverage,
  type OutreachCoverageFigures,
  type OutreachRegionCoverage,
  type OutreachSchoolCoverage,
  type SessionUser,
} from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../../engine/errors/api.exception';
import { escapeLike } from '../../../../engine/rest/list-query';
import { COVERAGE_MESSAGES as M } from './coverage-messages';
import type { OutreachCoverageQueryDto } from './dtos/outreach-coverage-query.dto';
import { CAMPAIGNS_SQL, COVERAGE_SQL } from './outreach-coverage.sql';

interface Place {
  kind: 'region' | 'school';
  id: string;
  name: string;
  path: string;
}

type Counts = Omit<OutreachCoverageFigures, 'sharesBp'>;

interface CoverageRow extends Counts {
  byChild: boolean;
  bySchool: boolean;
  child: string | null;
  schoolId: number | null;
  schoolName: string | null;
  schoolRegion: string | null;
}

const COUNT_KEYS = ['recipients', 'lettersGenerated', 'lettersDelivered', 'receiptsReturned', 'phoneDrawn', 'phoned', 'visitDrawn', 'visited'] as const;

/** 告知覆盖: recipients of a term and how many of them letters, receipts, calls and visits reached. */
@Injectable()
export class OutreachCoverageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async coverage(query: OutreachCoverageQueryDto, user: SessionUser): Promise<OutreachCoverage> {
    const year = Number(query.year);
    const dueDate = query.dueDate ?? null;
    if (dueDate !== null && !isCalendarDate(dueDate)) throw ApiException.validation({ dueDate: M.badDueDate });
    const place = await this.place(query.regionId, user);
    const isRegion = place.kind === 'region';
    const rows: CoverageRow[] = await this.db.query(COVERAGE_SQL, [
      year,
      query.term,
      `${escapeLike(place.path)}%`,
      dueDate,
      isRegion ? place.id : null,
      place.path.split('.').length,
    ]);
    const campaigns: CoverageCampaign[] = await this.db.query(CAMPAIGNS_SQL, [year, query.term, place.path]);

    const byChild = new Map(rows.filter((row) => row.byChild).map((row) => [row.child, row]));
    const regions: OutreachRegionCoverage[] = [];
    if (isRegion) {
      const children: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM regions WHERE parent_id = $1 ORDER BY id', [place.id]);
      for (const child of children) regions.push({ regionId: child.id, regionName: child.name, ...figures(byChild.get(child.id)) });
      const direct = byChild.get(null);
      if (direct) regions.push({ regionId: place.id, regionName: place.name, direct: true, ...figures(direct) });
    }
    const schools: OutreachSchoolCoverage[] = rows
      .filter((row) => row.bySchool)
      .map((row) => ({ schoolId: row.schoolId!, schoolName: row.schoolName!, regionId: row.schoolRegion!, ...figures(row) }))
      .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'zh-Hans-CN') || a.schoolId - b.schoolId);

    return {
      year,
      term: query.term,
      dueDate,
      place: { kind: place.kind, id: place.id, name: place.name },
      total: figures(rows.find((row) => !row.byChild && !row.bySchool)),
      regions,
      schools,
      campaigns,
    };
  }

  /** The region asked for (in the reader's subtree), else the reader's own region — or a school officer's school. */
  private async place(regionId: string | undefined, user: SessionUser): Promise<Place> {
    if (regionId) {
      const [region] = await this.db.query(`SELECT id, name, scope_path AS path FROM regions WHERE id = $1 AND scope_path LIKE $2`, [regionId, `${escapeLike(user.scopePath)}%`]);
      if (!region) throw ApiException.validation({ regionId: M.regionNotFound });
      return { kind: 'region', ...region };
    }
    const [region] = await this.db.query(`SELECT id, name, scope_path AS path FROM regions WHERE scope_path = $1`, [user.scopePath]);
    if (region) return { kind: 'region', ...region };
    const [school] = await this.db.query(`SELECT id::text AS id, name, scope_path AS path FROM schools WHERE scope_path = $1`, [user.scopePath]);
    if (school) return { kind: 'school', ...school };
    throw ApiException.validation({ regionId: M.noPlace });
  }
}

function figures(row: Counts | undefined): OutreachCoverageFigures {
  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, row?.[key] ?? 0])) as unknown as Counts;
  const share = (count: number) => (counts.recipients > 0 ? Math.floor((count * 10_000) / counts.recipients) : null);
  const sharesBp = Object.fromEntries(COVERAGE_SHARES.map((key) => [key, share(counts[key])])) as OutreachCoverageFigures['sharesBp'];
  return { ...counts, sharesBp };
}

/** A real day of the calendar, not only its shape (2026-02-30 is refused). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
