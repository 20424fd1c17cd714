import { toDataURL } from 'qrcode';

/**
 * Images go into a printable document as data: URLs: the renderer blocks every other
 * request, so the PDF holds exactly what the HTML held and nothing is fetched.
 */

const IMAGE_TYPES = [
  { contentType: 'image/png', magic: Buffer.from('89504e470d0a1a0a', 'hex') },
  { contentType: 'image/jpeg', magic: Buffer.from('ffd8ff', 'hex') },
] as const;

/** A PNG or JPEG (an evidence photo, a scanned signature) as a data: URL; the type is read from the bytes. */
export function imageDataUrl(content: Buffer): string {
  const type = IMAGE_TYPES.find((t) => content.subarray(0, t.magic.length).equals(t.magic));
  if (!type) throw new TypeError('only PNG and JPEG images can be embedded in a printable document');
  return `data:${type.contentType};base64,${content.toString('base64')}`;
}

export interface QrOptions {
  /** Width of the PNG in pixels; print it at the size the layout gives it. */
  width?: number;
}

/** A QR code for `text` (a link a family scans, a letter's check code) as a PNG data: URL. */
export function qrDataUrl(text: string, { width = 240 }: QrOptions = {}): Promise<string> {
  // Medium error correction survives a folded or smudged letter; the page's white space
  // completes the two-module quiet zone.
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width, type: 'image/png' });
}
