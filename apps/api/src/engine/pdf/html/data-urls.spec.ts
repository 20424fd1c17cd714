import { imageDataUrl, qrDataUrl } from './data-urls';

describe('data: URLs for printable documents', () => {
  it('embeds a PNG or JPEG with the type read from its bytes', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('rest')]);
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from('rest')]);
    expect(imageDataUrl(png)).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(imageDataUrl(jpeg)).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('refuses anything else (a PDF attachment is not a thumbnail)', () => {
    expect(() => imageDataUrl(Buffer.from('%PDF-1.7'))).toThrow(TypeError);
  });

  it('draws a QR code as a PNG of the asked width', async () => {
    const url = await qrDataUrl('https://zizhu.example/letters/450902-0001', { width: 120 });
    const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(120);
  });
});
