#!/usr/bin/env node
// Draws build/icon.png (512×512, RGBA): three sticky notes on a dark rounded square.
// No image library: shapes are tested per pixel with 4×4 supersampling, and the PNG is written
// by hand (signature, IHDR, one zlib-compressed IDAT, IEND). Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'icon.png');

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** A rounded rectangle centred on (cx, cy), turned by `angle` radians. */
function roundedRect(cx, cy, w, h, r, angle = 0) {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const lx = Math.abs(dx * cos - dy * sin) - (w / 2 - r);
    const ly = Math.abs(dx * sin + dy * cos) - (h / 2 - r);
    const ox = Math.max(lx, 0);
    const oy = Math.max(ly, 0);
    return Math.hypot(ox, oy) + Math.min(Math.max(lx, ly), 0) <= r;
  };
}

// Painted in order, last on top. A shadow under each note, then the note, then its top band.
const layers = [];
layers.push({ color: hex('#1d2230'), alpha: 1, inside: roundedRect(256, 256, 480, 480, 104) });
const notes = [
  { x: 178, y: 196, angle: -0.1, color: '#ffd54a', band: '#f2c12e' },
  { x: 336, y: 214, angle: 0.08, color: '#ff8fb8', band: '#f06f9f' },
  { x: 262, y: 346, angle: -0.03, color: '#5fd3c6', band: '#3fbcae' },
];
for (const n of notes) {
  layers.push({ color: [0, 0, 0], alpha: 0.35, inside: roundedRect(n.x + 8, n.y + 12, 150, 150, 14, n.angle) });
  layers.push({ color: hex(n.color), alpha: 1, inside: roundedRect(n.x, n.y, 150, 150, 12, n.angle) });
  // The adhesive strip: the top quarter of the note, a shade darker.
  const c = Math.cos(n.angle);
  const s = Math.sin(n.angle);
  const off = -56; // from the note's centre to the strip's centre, along the note's own vertical axis
  layers.push({ color: hex(n.band), alpha: 1, inside: roundedRect(n.x - off * s, n.y + off * c, 138, 26, 6, n.angle) });
  // A few "handwriting" lines.
  for (const [dy, w] of [
    [-6, 100],
    [18, 112],
    [42, 76],
  ]) {
    layers.push({ color: [40, 40, 50], alpha: 0.28, inside: roundedRect(n.x - dy * s - ((112 - w) / 2) * c, n.y + dy * c - ((112 - w) / 2) * s, w, 8, 4, n.angle) });
  }
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        // Premultiplied "over" compositing of the layers at this sample.
        let cr = 0;
        let cg = 0;
        let cb = 0;
        let ca = 0;
        for (const layer of layers) {
          if (!layer.inside(px, py)) continue;
          const la = layer.alpha;
          cr = layer.color[0] * la + cr * (1 - la);
          cg = layer.color[1] * la + cg * (1 - la);
          cb = layer.color[2] * la + cb * (1 - la);
          ca = la + ca * (1 - la);
        }
        r += cr;
        g += cg;
        b += cb;
        a += ca;
      }
    }
    const n = SAMPLES * SAMPLES;
    const i = (y * SIZE + x) * 4;
    const alpha = a / n;
    pixels[i] = alpha ? Math.round(r / n / alpha) : 0;
    pixels[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
    pixels[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
    pixels[i + 3] = Math.round(alpha * 255);
  }
}

// ── PNG ───────────────────────────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
ihdr[10] = 0; // deflate
ihdr[11] = 0; // adaptive filtering
ihdr[12] = 0; // no interlace
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(root, out)} (${SIZE}×${SIZE}, ${png.length} bytes)`);
