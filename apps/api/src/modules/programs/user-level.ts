import type { EntityManager } from 'typeorm';

/** The level of the region tree a user is bound to: a school, or their region's level. */
export async function userLevel(manager: EntityManager, userId: number): Promise<string | null> {
  const [row] = await manager.query(
    `SELECT CASE WHEN u.school_id IS NOT NULL THEN 'school' ELSE r.level END AS level
       FROM users u LEFT JOIN regions r ON r.id = u.region_id WHERE u.id = $1`,
    [userId],
  );
  return row?.level ?? null;
}
