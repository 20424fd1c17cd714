import type { TodoItem } from '@zizhu/schema';
import { API_URL, httpClient } from '../providers/http-client';

export async function fetchTodo(): Promise<TodoItem[]> {
  return (await httpClient<TodoItem[]>(`${API_URL}/me/todo`)).json;
}

/**
 * Where an item opens. A list link also names its filters as displayed, so the list shows
 * them as inputs the officer can read and clear (react-admin's `displayedFilters`).
 */
export function todoTarget(link: string): string {
  const [path, search = ''] = link.split('?');
  const params = new URLSearchParams(search);
  const filter = params.get('filter');
  if (!filter) return link;
  const keys = Object.keys(JSON.parse(filter) as Record<string, unknown>).filter((key) => key !== 'id');
  if (keys.length) params.set('displayedFilters', JSON.stringify(Object.fromEntries(keys.map((key) => [key, true]))));
  return `${path}?${params}`;
}
