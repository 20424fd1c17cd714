import type { Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { sendFile } from './file-download';

describe('sendFile', () => {
  let server: Server;
  let outcome: Promise<unknown>;
  let write: (out: Writable) => Promise<void>;

  beforeAll(async () => {
    server = createServer((_, response) => {
      outcome = sendFile(response as unknown as Response, { name: '错误行.xlsx' }, write).catch((error: Error) => {
        // What the API's exception filter does with an error thrown before the first byte.
        response.statusCode = 422;
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ message: error.message, disposition: response.getHeader('Content-Disposition') ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  it('sends the file with its UTF-8 name', async () => {
    write = async (out) => void out.write('PK');
    const response = await fetch(url());
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${encodeURIComponent('错误行.xlsx')}"; filename*=UTF-8''${encodeURIComponent('错误行.xlsx')}`);
    expect(await response.text()).toBe('PK');
  });

  it('leaves a refusal before the first byte to the JSON error, without the attachment header', async () => {
    write = async () => {
      throw new Error('too wide');
    };
    const response = await fetch(url());
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ message: 'too wide', disposition: null });
  });

  it('cuts the connection when the writer fails after the first byte, so the download fails instead of looking complete', async () => {
    write = async (out) => {
      out.write(Buffer.alloc(64 * 1024, 1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('failed mid-way');
    };
    const response = await fetch(url());
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
    await outcome;
  });
});
