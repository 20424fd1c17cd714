import * as m from '@zizhu/api/modules/comparison/comparison-match.sql';
import * as s from '@zizhu/api/modules/comparison/comparison-summary.sql';
const p = { comparisonId: 1, pattern: '450900.%', listIds: [5,6,7,8], regionId: '450900' };
const lit = (sql: string) => { const [t, v] = m.bindParams(sql, p); return t.replace(/\$(\d+)/g, (_, i) => { const x = v[Number(i)-1]; return Array.isArray(x) ? `'{${x.join(',')}}'` : typeof x === 'number' ? String(x) : `'${x}'`; }); };
console.log(["SET work_mem='256MB';", 'SET jit=off;', 'SET enable_mergejoin=off;', 'BEGIN;', 'EXPLAIN (ANALYZE) ' + lit(s.SUMMARY_TREE_SQL) + ';', 'ROLLBACK;'].join('\n'));
