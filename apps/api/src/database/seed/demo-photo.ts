import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A stand-in photo for demo evidence: a 160×120 PNG, a notice board in the school's colours
 * (a light board, a dark frame, rows of "notices"), different for each `hue`.
 */
export function demoPhoto(hue: number): Buffer {
  const width = 160;
  const height = 120;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const frame = x < 8 || x >= width - 8 || y < 8 || y >= height - 8;
      const notice = !frame && y % 22 > 6 && y % 22 < 18 && x % 50 > 12 && x % 50 < 44;
      const [r, g, b] = frame ? [90, 60, 40] : notice ? [250, 250, 245] : [(hue * 37) % 200 + 40, (hue * 71) % 160 + 80, 150];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Stores a demo photo as an uploaded file of the user, linked to a record. Returns its id. */
export async function storeDemoPhoto(manager: EntityManager, photo: { name: string; hue: number; uploadedBy: number; uploadedAt: string; resource: string; recordId: number; scopePath: string }): Promise<number> {
  const data = demoPhoto(photo.hue);
  const [row] = await manager.query(
    `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, resource, record_id, scope_path)
     VALUES ($1, 'image/png', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [photo.name, data.length, createHash('sha256').update(data).digest('hex'), photo.uploadedBy, photo.uploadedAt, photo.resource, String(photo.recordId), photo.scopePath],
  );
  await manager.query(`INSERT INTO file_contents (file_id, data) VALUES ($1, $2)`, [row.id, data]);
  return Number(row.id);
}
