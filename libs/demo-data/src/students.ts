import { idNumberCheckChar } from '@zizhu/schema';
import { childGivenName, type Gender, guardianName, pickSurname } from './names';
import { createRandom, type Random, weightedPicker } from './random';
import { isRuralTownship, type RegionRow } from './region-tree';
import { type DemoStage, schoolSizeWeight, type SchoolRow } from './schools';

export type StudentStatus = 'enrolled' | 'suspended' | 'transferred' | 'dropped';

/** One row of the students resource. */
export interface StudentRow {
  idNumber: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD, the same date as inside idNumber */
  birthDate: string;
  /** 1-based position of the school in the array given: its database id once inserted in order */
  schoolId: number;
  stage: DemoStage;
  grade: string;
  className: string;
  status: StudentStatus;
  householdRegionId: string;
  boarding: boolean;
  guardianName: string;
  phone: string;
  bankAccount: string;
}

export interface GenerateStudentsOptions {
  schools: readonly SchoolRow[];
  regions: readonly RegionRow[];
  count: number;
  seed: number;
}

/** The autumn intake the demo data describes: ages are counted on 31 August of this year. */
export const SCHOOL_YEAR = 2026;

export const STAGE_GRADES: Record<DemoStage, readonly string[]> = {
  preschool: ['小班', '中班', '大班'],
  primary: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
  junior: ['七年级', '八年级', '九年级'],
  senior: ['高一', '高二', '高三'],
  vocational: ['中职一年级', '中职二年级', '中职三年级'],
};

/** Age on 31 August at entry to the first grade of each stage (children start school at 6). */
export const STAGE_ENTRY_AGE: Record<DemoStage, number> = { preschool: 3, primary: 6, junior: 12, senior: 15, vocational: 15 };

const CLASS_SIZE: Record<DemoStage, number> = { preschool: 30, primary: 45, junior: 50, senior: 55, vocational: 45 };
const MAX_CLASSES_PER_GRADE = 60;

/** Age in whole years on 31 August of the school year: the cut-off Chinese schools use. */
export function ageAtSchoolYearStart(birthDate: string, schoolYear = SCHOOL_YEAR): number {
  const [y, m] = birthDate.split('-').map(Number);
  return schoolYear - y - (m > 8 ? 1 : 0);
}

const imul = Math.imul;
const DAY_MS = 86_400_000;
/** Sequence digits 001–998: odd for boys, even for girls, so each gender has 499 slots a day. */
const SLOTS_PER_DAY = 499;
const SEQUENCES = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155',
  '157', '158', '159', '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];
/** Debit-card BINs in the style of the state banks that issue aid cards (ABC 6228, CCB 6217, ICBC 6222, PSBC 6210...). */
const CARD_BINS = ['622848', '623052', '621700', '621799', '621226', '622208', '623059', '621098', '623095'];

interface Unit {
  schoolId: number;
  stage: DemoStage;
  grades: readonly string[];
  classes: number;
  /** first day index of each grade's birth window, and its length in days */
  windowStart: number[];
  windowLength: number[];
  township: RegionRow;
  countyId: string;
  rural: boolean;
}

/**
 * Streams `count` students, spread over the schools by size and over their stages by
 * grade count. ID numbers are unique across the whole run: for each household county,
 * birth day and gender a counter hands out the next free sequence number (a few hundred
 * KB of counters, independent of count), moving to another day of the same birth window
 * only if a day's 499 slots ever run out.
 */
export function* generateStudents(options: GenerateStudentsOptions): Generator<StudentRow, void, undefined> {
  const { schools, regions, count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error('count must be a non-negative integer');
  if (schools.length === 0) throw new Error('At least one school is needed');
  const random = createRandom(seed);

  const byId = new Map(regions.map((r) => [r.id, r]));
  const counties = regions.filter((r) => r.level === 'county');
  const countyIndex = new Map(counties.map((c, i) => [c.id, i]));
  const townshipsByCounty = new Map(counties.map((c) => [c.id, regions.filter((r) => r.parentId === c.id)]));
  for (const [id, list] of townshipsByCounty) if (list.length === 0) list.push(byId.get(id) as RegionRow);

  // Birth days span the oldest to the youngest age any stage can have.
  const minAge = Math.min(...Object.values(STAGE_ENTRY_AGE));
  const maxAge = Math.max(...Object.entries(STAGE_GRADES).map(([s, g]) => STAGE_ENTRY_AGE[s as DemoStage] + g.length - 1));
  const firstDayMs = Date.UTC(SCHOOL_YEAR - maxAge - 1, 8, 1);
  const dayCount = (Date.UTC(SCHOOL_YEAR - minAge, 7, 31) - firstDayMs) / DAY_MS + 1;
  const compactDays: string[] = [];
  const isoDays: string[] = [];
  for (let i = 0; i < dayCount; i++) {
    const iso = new Date(firstDayMs + i * DAY_MS).toISOString().slice(0, 10);
    isoDays.push(iso);
    compactDays.push(iso.replace(/-/g, ''));
  }
  const dayIndex = (y: number, month0: number, d: number) => (Date.UTC(y, month0, d) - firstDayMs) / DAY_MS;

  const units: Unit[] = [];
  const weights: number[] = [];
  schools.forEach((school, i) => {
    const township = byId.get(school.regionId);
    if (!township) throw new Error(`School ${school.code} has unknown region ${school.regionId}`);
    const countyId = township.level === 'township' ? (township.parentId as string) : township.id;
    if (!countyIndex.has(countyId)) throw new Error(`School ${school.code} is not under a county`);
    const gradeTotal = school.stages.reduce((n, s) => n + STAGE_GRADES[s].length, 0);
    for (const stage of school.stages) {
      const grades = STAGE_GRADES[stage];
      const weight = (schoolSizeWeight(school) * grades.length) / gradeTotal;
      const windowStart = grades.map((_, g) => dayIndex(SCHOOL_YEAR - STAGE_ENTRY_AGE[stage] - g - 1, 8, 1));
      const windowLength = windowStart.map((start, g) => dayIndex(SCHOOL_YEAR - STAGE_ENTRY_AGE[stage] - g, 7, 31) - start + 1);
      units.push({ schoolId: i + 1, stage, grades, classes: 1, windowStart, windowLength, township, countyId, rural: isRuralTownship(township) });
      weights.push(weight);
    }
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  // Classes follow the school's real size (so a small demo still shows 1班..12班), or the
  // generated head count when that is larger.
  units.forEach((unit, u) => {
    const perGrade = Math.max(weights[u], (count * weights[u]) / totalWeight) / unit.grades.length;
    unit.classes = Math.min(MAX_CLASSES_PER_GRADE, Math.max(1, Math.round(perGrade / CLASS_SIZE[unit.stage])));
  });
  const pickUnit = weightedPicker(weights);

  const counters = new Uint16Array(counties.length * dayCount * 2);
  const seedMix = random.int(0x7fffffff);
  const cardKeys = [random.int(1e6), random.int(1e6), random.int(1e6), random.int(1e6)];

  for (let index = 0; index < count; index++) {
    const unit = units[pickUnit(random)];
    const g = random.int(unit.grades.length);
    const gender: Gender = random.next() < 0.52 ? 'male' : 'female';
    const household = pickHousehold(random, unit, counties, townshipsByCounty);
    const county = countyIndex.get(household.level === 'township' ? (household.parentId as string) : household.id) as number;

    // Take the next free sequence of a random day in the grade's birth window.
    const start = unit.windowStart[g];
    const length = unit.windowLength[g];
    const offset = random.int(length);
    let day = -1;
    let slot = 0;
    for (let k = 0; k < length; k++) {
      const candidate = start + ((offset + k) % length);
      const key = (county * dayCount + candidate) * 2 + (gender === 'male' ? 1 : 0);
      if (counters[key] < SLOTS_PER_DAY) {
        day = candidate;
        // Rotating by a per-key offset keeps slots unique but spreads them over 001–998.
        slot = (counters[key]++ + (imul(key ^ seedMix, 0x9e3779b1) >>> 0)) % SLOTS_PER_DAY;
        break;
      }
    }
    if (day < 0) throw new Error(`ID numbers exhausted for county ${household.id.slice(0, 6)}, ${unit.grades[g]}: lower count`);
    const first17 = household.id.slice(0, 6) + compactDays[day] + SEQUENCES[gender === 'male' ? 2 * slot + 1 : 2 * slot + 2];

    const surname = pickSurname(random);
    yield {
      idNumber: first17 + idNumberCheckChar(first17),
      name: surname + childGivenName(random, gender),
      gender,
      birthDate: isoDays[day],
      schoolId: unit.schoolId,
      stage: unit.stage,
      grade: unit.grades[g],
      className: `${1 + random.int(unit.classes)}班`,
      status: pickStatus(random),
      householdRegionId: household.id,
      boarding: random.chance(boardingRate(unit)),
      guardianName: guardianName(random, surname),
      phone: random.pick(PHONE_PREFIXES) + `${1e8 + random.int(1e8)}`.slice(1),
      bankAccount: cardNumber(random.pick(CARD_BINS), index, cardKeys),
    };
  }
}

/** High schools draw from the whole county; lower stages mostly from their own township. */
function pickHousehold(
  random: Random,
  unit: Unit,
  counties: readonly RegionRow[],
  townshipsByCounty: ReadonlyMap<string, RegionRow[]>,
): RegionRow {
  const countyWide = unit.stage === 'senior' || unit.stage === 'vocational' || unit.township.level !== 'township';
  const r = random.next();
  if (!countyWide && r < 0.7) return unit.township;
  if (r < 0.93 || counties.length === 1) return random.pick(townshipsByCounty.get(unit.countyId) as RegionRow[]);
  let other = random.pick(counties);
  while (other.id === unit.countyId) other = random.pick(counties);
  return random.pick(townshipsByCounty.get(other.id) as RegionRow[]);
}

function pickStatus(random: Random): StudentStatus {
  const r = random.next();
  if (r < 0.97) return 'enrolled';
  if (r < 0.98) return 'suspended';
  if (r < 0.995) return 'transferred';
  return 'dropped';
}

/** Rural primary/junior pupils often board (the boarding subsidy targets them); high schools mostly board. */
function boardingRate(unit: Unit): number {
  switch (unit.stage) {
    case 'preschool':
      return 0;
    case 'primary':
    case 'junior':
      return unit.rural ? 0.35 : 0.04;
    default:
      return 0.85;
  }
}

/**
 * 19-digit card: BIN + 12 digits + Luhn check. The 12 digits are a Feistel permutation of
 * the row index, so accounts are unique within a run yet look random.
 */
function cardNumber(bin: string, index: number, keys: readonly number[]): string {
  let left = (index / 1e6) | 0;
  let right = index % 1e6;
  for (const key of keys) {
    const mixed = (left + feistelRound(right, key)) % 1e6;
    left = right;
    right = mixed;
  }
  // 1e6 + n then slice: zero-padding without a global String() lookup in the hot path.
  const payload = bin + `${1e6 + left}`.slice(1) + `${1e6 + right}`.slice(1);
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return payload + ((10 - (sum % 10)) % 10);
}

function feistelRound(value: number, key: number): number {
  let h = imul(value ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = imul(h, 0x85ebca77);
  h ^= h >>> 13;
  return (h >>> 0) % 1e6;
}
