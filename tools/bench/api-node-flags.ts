import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node flags the API is started with (`nx run api:serve`, apps/api/project.json: the one
 * place they are set), for benchmarks that run the API in a process of their own to start it
 * the same way. Today: the heap limit, which makes V8 collect before the process grows.
 */
export function apiNodeFlags(): string[] {
  const project = JSON.parse(readFileSync(join(__dirname, '../../apps/api/project.json'), 'utf8')) as { targets: { serve: { command: string } } };
  return project.targets.serve.command.split(/\s+/).filter((part) => /^--max-old-space-size=\d+$/.test(part));
}
