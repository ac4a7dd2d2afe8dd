/**
 * What an image file really is, read from its bytes (never from its name or a declared type):
 * PNG, JPEG or WebP, its size in pixels from its header, and whether it is whole. Anything else —
 * an SVG (it can carry script), a GIF, a text file with an image's name, a file cut short — gets a
 * sentence saying so. Pure; used by main before a photo is stored and by the renderer before it
 * sends one, so a person hears at once why a file was refused.
 */

export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_TYPE_NAMES: Record<PhotoType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** The largest file a photo may come from. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** The largest width or height a photo may have. */
export const MAX_PHOTO_SIDE = 10_000;
/** A stored photo's long side at most (it is scaled down to this before it is stored). */
export const PHOTO_LONG_SIDE = 512;

export type ImageCheck = { ok: true; type: PhotoType; width: number; height: number } | { ok: false; message: string };

const fail = (message: string): ImageCheck => ({ ok: false, message });
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

export function inspectImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length === 0) return fail('The file is empty.');
  if (bytes.length > MAX_PHOTO_BYTES) return fail(`The file is too large (${mb(bytes.length)}); a photo may be at most ${mb(MAX_PHOTO_BYTES)}.`);
  const kind = sniff(bytes);
  if (kind === 'svg') return fail('SVG drawings are not accepted as photos: they can carry scripts. Choose a PNG, JPEG or WebP file.');
  if (kind === 'gif') return fail('This is a GIF image; a photo must be a PNG, JPEG or WebP file.');
  if (kind === null) return fail('This file is not a PNG, JPEG or WebP image.');
  const read = kind === 'image/png' ? readPng(bytes) : kind === 'image/jpeg' ? readJpeg(bytes) : readWebp(bytes);
  if (typeof read === 'string') return fail(read);
  const { width, height } = read;
  if (width < 1 || height < 1) return fail(`This ${PHOTO_TYPE_NAMES[kind]} image has no pixels.`);
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE)
    return fail(`The image is too large (${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels); a photo may be at most ${MAX_PHOTO_SIDE.toLocaleString('en')} pixels on a side.`);
  return { ok: true, type: kind, width, height };
}

/** Width and height scaled so the long side is at most `max` (never enlarged). */
export function scaledSize(width: number, height: number, max = PHOTO_LONG_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const f = max / long;
  return { width: Math.max(1, Math.round(width * f)), height: Math.max(1, Math.round(height * f)) };
}

function sniff(b: Uint8Array): PhotoType | 'svg' | 'gif' | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  const head = ascii(b, 0, Math.min(b.length, 2048)).toLowerCase();
  if (head.includes('<svg') || (head.includes('<?xml') && head.includes('svg'))) return 'svg';
  return null;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  let s = '';
  for (let i = at; i < at + n && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u32le = (b: Uint8Array, i: number) => b[i]! + (b[i + 1]! << 8) + (b[i + 2]! << 16) + ((b[i + 3]! << 24) >>> 0);
const u24le = (b: Uint8Array, i: number) => b[i]! + (b[i + 1]! << 8) + (b[i + 2]! << 16);

const CUT = (kind: string) => `This ${kind} file is incomplete (it was cut short or is damaged).`;

/** PNG: IHDR first, then every chunk inside the file, ending with IEND. */
function readPng(b: Uint8Array): { width: number; height: number } | string {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return CUT('PNG');
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  let at = 8;
  let sawData = false;
  while (at + 12 <= b.length) {
    const len = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (at + 12 + len > b.length) return CUT('PNG');
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? { width, height } : CUT('PNG');
    at += 12 + len;
  }
  return CUT('PNG');
}

/** JPEG: segments up to the scan, a frame header with the size, and the end marker after the scan. */
function readJpeg(b: Uint8Array): { width: number; height: number } | string {
  let at = 2;
  let size: { width: number; height: number } | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return CUT('JPEG');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const len = u16be(b, at + 2);
    if (len < 2 || at + 2 + len > b.length) return CUT('JPEG');
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && len >= 7) size = { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    if (marker === 0xda) {
      if (!size) return CUT('JPEG');
      // The scan runs to the end-of-image marker; a file cut short has none after its scan.
      for (let i = b.length - 2; i >= at + 2 + len; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return size;
      return CUT('JPEG');
    }
    at += 2 + len;
  }
  return CUT('JPEG');
}

/** WebP: a RIFF container as long as it says, and a VP8, VP8L or VP8X header with the size. */
function readWebp(b: Uint8Array): { width: number; height: number } | string {
  const riff = u32le(b, 4);
  if (riff + 8 > b.length || riff < 12) return CUT('WebP');
  let at = 12;
  let size: { width: number; height: number } | null = null;
  let sawImage = false;
  while (at + 8 <= riff + 8) {
    const type = ascii(b, at, 4);
    const len = u32le(b, at + 4);
    const data = at + 8;
    if (data + len > b.length) return CUT('WebP');
    if (type === 'VP8X' && len >= 10) size = { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
    else if (type === 'VP8 ' && len >= 10) {
      if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return CUT('WebP');
      size ??= { width: (b[data + 6]! | (b[data + 7]! << 8)) & 0x3fff, height: (b[data + 8]! | (b[data + 9]! << 8)) & 0x3fff };
      sawImage = true;
    } else if (type === 'VP8L' && len >= 5) {
      if (b[data] !== 0x2f) return CUT('WebP');
      const bits = u32le(b, data + 1);
      size ??= { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      sawImage = true;
    } else if (type === 'ANMF') sawImage = true;
    at = data + len + (len % 2);
  }
  return size && sawImage ? size : CUT('WebP');
}
