import type { StudentMark } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

export const STUDENTS_RESOURCE = 'students';

/** `GET /api/students/:id/marks`: the student's special-identity marks, the driving one first. */
export async function fetchStudentMarks(studentId: string | number): Promise<StudentMark[]> {
  const { json } = await httpClient<StudentMark[]>(`${API_URL}/students/${encodeURIComponent(String(studentId))}/marks`);
  return json;
}
