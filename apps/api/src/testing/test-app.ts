import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.factory';
import { DEMO_PASSWORD } from '../database/seed/demo-users';
import { createTestDatabase, testServerUrl } from './test-server';

/** Response bodies are JSON the specs assert on field by field; `any` keeps them terse. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  lang?: 'zh' | 'en';
}

export interface TestApp {
  baseUrl: string;
  app: INestApplication;
  databaseUrl: string;
  request<T = Json>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Logs a demo user in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole API on a free port, over its own clone of the seeded test database. */
export async function startTestApp(options: { adminDist?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase(testServerUrl());
  const app = await createApp({ databaseUrl: database.url, seedDemoData: false, logger: process.env.ZIZHU_TEST_LOG ? undefined : false, adminDist: options.adminDist ?? '/nonexistent' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request = async <T>(method: string, path: string, { token, body, lang }: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { 'accept-language': lang === 'en' ? 'en' : 'zh-CN' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined } as ApiResponse<T>;
  };

  return {
    baseUrl,
    app,
    databaseUrl: database.url,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const response = await request<{ token: string }>('POST', '/api/auth/login', { body: { username, password } });
      if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
      return response.body.token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** `?sort=…&range=…&filter=…` the way ra-data-simple-rest writes it. */
export function listQuery(params: { sort?: [string, string]; range?: [number, number]; filter?: Record<string, unknown> }): string {
  const search = new URLSearchParams();
  if (params.sort) search.set('sort', JSON.stringify(params.sort));
  if (params.range) search.set('range', JSON.stringify(params.range));
  if (params.filter) search.set('filter', JSON.stringify(params.filter));
  return `?${search.toString()}`;
}

export function totalOf(response: ApiResponse): number {
  return Number(response.headers.get('content-range')?.split('/')[1]);
}
