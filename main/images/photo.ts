/**
 * A persona's photo, made ready to store: its bytes checked (shared/domain/image.ts: a real PNG,
 * JPEG or WebP, whole, at most 20 MB and 10,000 px a side), decoded in full (pngjs, jpeg-js: pure
 * JavaScript, nothing native, nothing downloaded) so a damaged image is refused too, and scaled
 * down to 512 px on its long side as a JPEG. The app's own windows scale a photo before they send
 * it (the browser's decoder is faster and knows WebP), so what arrives here is usually small
 * already and is then only checked and decoded. A WebP can be checked but not decoded here: one
 * that is small enough is stored as it is, a larger one is refused with a sentence.
 */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { ApiFailure } from '../../shared/api/errors';
import { PHOTO_LONG_SIDE, PHOTO_TYPE_NAMES, inspectImage, scaledSize, type PhotoType } from '../../shared/domain/image';

export interface StoredPhoto {
  type: PhotoType;
  width: number;
  height: number;
  bytes: Buffer;
}

const refuse = (message: string) => new ApiFailure('invalid_input', message, [{ path: 'photo', message }]);

export function preparePhoto(input: Uint8Array): StoredPhoto {
  const check = inspectImage(input);
  if (!check.ok) throw refuse(check.message);
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (check.type === 'image/webp') {
    if (Math.max(check.width, check.height) > PHOTO_LONG_SIDE)
      throw refuse(`This WebP image is ${check.width} × ${check.height} pixels; send it scaled to at most ${PHOTO_LONG_SIDE} pixels on its long side (the app does this itself), or as PNG or JPEG.`);
    return { type: check.type, width: check.width, height: check.height, bytes: Buffer.from(bytes) };
  }
  const rgba = decode(check.type, bytes);
  if (rgba.width !== check.width || rgba.height !== check.height) throw refuse(`This ${PHOTO_TYPE_NAMES[check.type]} image is damaged (its header and its pixels disagree).`);
  const size = scaledSize(rgba.width, rgba.height);
  const small = size.width === rgba.width && size.height === rgba.height ? rgba : downscale(rgba, size.width, size.height);
  // A photo already small enough and already a JPEG is kept byte for byte (no second loss of quality).
  if (small === rgba && check.type === 'image/jpeg') return { type: 'image/jpeg', width: rgba.width, height: rgba.height, bytes: Buffer.from(bytes) };
  const out = jpeg.encode({ width: small.width, height: small.height, data: onWhite(small.data) }, 86);
  return { type: 'image/jpeg', width: small.width, height: small.height, bytes: Buffer.from(out.data) };
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decode(type: 'image/png' | 'image/jpeg', bytes: Buffer): Rgba {
  try {
    if (type === 'image/png') {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxResolutionInMP: 100, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: img.data };
  } catch {
    throw refuse(`This ${PHOTO_TYPE_NAMES[type]} image is damaged or incomplete and cannot be read.`);
  }
}

/** Area-average downscaling: every source pixel counts, so fine detail does not shimmer. */
export function downscale(src: Rgba, width: number, height: number): Rgba {
  const out = new Uint8Array(width * height * 4);
  const fx = src.width / width;
  const fy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) * fy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) * fx)));
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = y0; sy < y1; sy++) {
        let i = (sy * src.width + x0) * 4;
        for (let sx = x0; sx < x1; sx++, i += 4) {
          r += src.data[i]!;
          g += src.data[i + 1]!;
          b += src.data[i + 2]!;
          a += src.data[i + 3]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = a / n;
    }
  }
  return { width, height, data: out };
}

/** Transparent parts on white (a JPEG has no transparency). */
function onWhite(data: Uint8Array): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]! / 255;
    out[i] = data[i]! * a + 255 * (1 - a);
    out[i + 1] = data[i + 1]! * a + 255 * (1 - a);
    out[i + 2] = data[i + 2]! * a + 255 * (1 - a);
    out[i + 3] = 255;
  }
  return out;
}
