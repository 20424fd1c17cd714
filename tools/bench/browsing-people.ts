import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** A demo account the simulated people browse as, with the schools it may filter by. */
export interface BrowsingAccount {
  username: string;
  level: 'city' | 'county' | 'school';
  token: string;
  schoolIds: number[];
}

/** One request's outcome: which phase it started in, what it was, how long it took. */
export interface BrowsingSample {
  phase: string;
  request: string;
  ms: number;
  error?: string;
}

const SURNAMES = ['黄', '李', '陈', '王', '张', '刘', '梁', '林'];
const STAGES = ['primary', 'junior', 'senior', 'preschool'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const page = (pages: number) => {
  const first = Math.floor(Math.random() * pages) * 25;
  return [first, first + 24];
};

/** What a person looks at, weighted by how often: list pages, filters, a name search, a record, the schema. */
type Look = (person: PersonState) => string;
interface PersonState {
  account: BrowsingAccount;
  seenIds: number[];
  seenNames: string[];
}

const list = (query: Record<string, unknown>) => `/api/students?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]))}`;
const LOOKS: [string, number, Look][] = [
  ['list page', 3, () => list({ range: page(20) })],
  ['list sorted by name', 1, () => list({ range: page(5), sort: ['name', 'ASC'] })],
  ['filter by school', 2, (p) => list({ range: [0, 24], sort: ['name', 'ASC'], filter: { schoolId: pick(p.account.schoolIds) } })],
  ['filter by stage', 2, () => list({ range: [0, 24], filter: { stage: pick(STAGES) } })],
  ['search by name', 2, (p) => list({ range: [0, 24], filter: { q: p.seenNames.length && Math.random() < 0.5 ? pick(p.seenNames) : pick(SURNAMES) } })],
  ['open a record', 3, (p) => `/api/students/${pick(p.seenIds)}`],
  ['schema', 1, () => '/api/schema'],
];
const TOTAL_WEIGHT = LOOKS.reduce((sum, [, weight]) => sum + weight, 0);

/** A look drawn by weight; a record only once a list has shown some (else the first list page). */
function nextLook(person: PersonState): [string, Look] {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const [name, weight, look] of LOOKS) {
    roll -= weight;
    if (roll < 0 && (name !== 'open a record' || person.seenIds.length > 0)) return [name, look];
    if (roll < 0) break;
  }
  return [LOOKS[0][0], LOOKS[0][2]];
}

/**
 * `people` simulated people browsing the student list through `base`, each as one of the
 * accounts in turn, arriving spread over `arrivalMs`, thinking `thinkMs` (uniformly random
 * between the two) between requests. Every request goes to `record` with the phase
 * `phase()` answered when it started. `stop()` ends the browsing once in-flight requests answer.
 */
export function startBrowsing(options: {
  base: string;
  accounts: BrowsingAccount[];
  people: number;
  arrivalMs: number;
  thinkMs: [number, number];
  phase: () => string;
  record: (sample: BrowsingSample) => void;
}): { stop(): Promise<void> } {
  const stopping = new AbortController();
  setMaxListeners(options.people + 1, stopping.signal); // each person's pause listens to it
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);
  const [minThink, maxThink] = options.thinkMs;

  async function browse(account: BrowsingAccount): Promise<void> {
    const person: PersonState = { account, seenIds: [], seenNames: [] };
    await pause(Math.random() * options.arrivalMs);
    while (!stopping.signal.aborted) {
      const [request, look] = nextLook(person);
      const phase = options.phase();
      const start = process.hrtime.bigint();
      let error: string | undefined;
      try {
        const response = await fetch(`${options.base}${look(person)}`, { headers: { authorization: `Bearer ${account.token}` } });
        const body = (await response.json()) as unknown;
        if (!response.ok) error = `${response.status} ${JSON.stringify(body).slice(0, 200)}`;
        else if (Array.isArray(body) && body.length) {
          person.seenIds = body.map((row: { id: number }) => row.id);
          person.seenNames = body.map((row: { name: string }) => row.name);
        }
      } catch (caught) {
        error = String(caught);
      }
      options.record({ phase, request, ms: Number(process.hrtime.bigint() - start) / 1e6, ...(error ? { error } : {}) });
      await pause(minThink + Math.random() * (maxThink - minThink));
    }
  }

  const running = Array.from({ length: options.people }, (_, i) => browse(options.accounts[i % options.accounts.length]));
  return {
    stop: async () => {
      stopping.abort();
      await Promise.all(running);
    },
  };
}
