// Draws the sample workshop's two persona portraits and the image test files, in Chromium's canvas
// (no download, no stock photo): `node scripts/make-sample-photos.mjs`. Writes
// main/sample/photos.ts (the portraits as base64 JPEG) and test/fixtures/images/photo.{png,jpg,webp}.
// Run again only to change the pictures; the results are committed.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const browser = await chromium.launch({ executablePath: process.env.JOURNEYWALL_CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
const draw = (spec) =>
  page.evaluate(async ({ spec }) => {
    const c = document.createElement('canvas');
    c.width = spec.w;
    c.height = spec.h;
    const g = c.getContext('2d');
    const bg = g.createLinearGradient(0, 0, 0, spec.h);
    bg.addColorStop(0, spec.bg[0]);
    bg.addColorStop(1, spec.bg[1]);
    g.fillStyle = bg;
    g.fillRect(0, 0, spec.w, spec.h);
    // soft shapes behind the person, like a blurred room
    for (let i = 0; i < 14; i++) {
      g.fillStyle = `rgba(255,255,255,${0.05 + (i % 4) * 0.03})`;
      g.beginPath();
      g.arc(((i * 97) % spec.w), ((i * 53) % (spec.h * 0.6)), 30 + ((i * 37) % 60), 0, Math.PI * 2);
      g.fill();
    }
    const cx = spec.w / 2;
    const s = spec.h / 512;
    // shoulders and clothes
    g.fillStyle = spec.clothes;
    g.beginPath();
    g.ellipse(cx, spec.h + 40 * s, 200 * s, 190 * s, 0, Math.PI, 0);
    g.fill();
    if (spec.collar) {
      g.fillStyle = spec.collar;
      g.beginPath();
      g.moveTo(cx - 50 * s, 350 * s);
      g.lineTo(cx, 420 * s);
      g.lineTo(cx + 50 * s, 350 * s);
      g.fill();
    }
    // neck
    g.fillStyle = spec.skinShade;
    g.fillRect(cx - 32 * s, 290 * s, 64 * s, 70 * s);
    // hair behind
    g.fillStyle = spec.hair;
    g.beginPath();
    g.ellipse(cx, 200 * s, 118 * s, spec.longHair ? 170 * s : 128 * s, 0, 0, Math.PI * 2);
    g.fill();
    if (spec.longHair) g.fillRect(cx - 118 * s, 200 * s, 236 * s, 150 * s);
    // face
    g.fillStyle = spec.skin;
    g.beginPath();
    g.ellipse(cx, 215 * s, 92 * s, 112 * s, 0, 0, Math.PI * 2);
    g.fill();
    // fringe
    g.fillStyle = spec.hair;
    g.beginPath();
    g.ellipse(cx - 10 * s, 130 * s, 100 * s, 50 * s, -0.2, Math.PI, Math.PI * 2.05);
    g.fill();
    // eyes, brows, mouth
    g.fillStyle = '#2b2b2b';
    for (const dx of [-36, 36]) {
      g.beginPath();
      g.ellipse(cx + dx * s, 210 * s, 9 * s, 7 * s, 0, 0, Math.PI * 2);
      g.fill();
      g.lineWidth = 6 * s;
      g.strokeStyle = spec.hair;
      g.beginPath();
      g.moveTo(cx + (dx - 18) * s, 185 * s);
      g.lineTo(cx + (dx + 18) * s, 182 * s);
      g.stroke();
    }
    if (spec.glasses) {
      g.strokeStyle = '#222';
      g.lineWidth = 5 * s;
      for (const dx of [-36, 36]) {
        g.beginPath();
        g.arc(cx + dx * s, 210 * s, 24 * s, 0, Math.PI * 2);
        g.stroke();
      }
      g.beginPath();
      g.moveTo(cx - 12 * s, 210 * s);
      g.lineTo(cx + 12 * s, 210 * s);
      g.stroke();
    }
    g.strokeStyle = '#8a3b2e';
    g.lineWidth = 6 * s;
    g.beginPath();
    g.arc(cx, 250 * s, 30 * s, 0.15 * Math.PI, 0.85 * Math.PI);
    g.stroke();
    g.fillStyle = 'rgba(220,120,110,0.25)';
    for (const dx of [-55, 55]) {
      g.beginPath();
      g.arc(cx + dx * s, 250 * s, 16 * s, 0, Math.PI * 2);
      g.fill();
    }
    const blob = await new Promise((r) => c.toBlob(r, spec.type, 0.86));
    const buf = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of buf) bin += String.fromCharCode(b);
    return btoa(bin);
  }, { spec });

const mira = { w: 512, h: 512, bg: ['#9fd3c7', '#4f9d8f'], clothes: '#35506b', collar: '#f4f4f4', skin: '#f1c9a5', skinShade: '#dcae88', hair: '#5a3825', longHair: true, glasses: false, type: 'image/jpeg' };
const jonas = { w: 512, h: 512, bg: ['#f3d9a4', '#d59c4a'], clothes: '#7b2d26', collar: null, skin: '#c68a62', skinShade: '#a86f4b', hair: '#1f1a17', longHair: false, glasses: true, type: 'image/jpeg' };
const photos = { mira: await draw(mira), jonas: await draw(jonas) };
writeFileSync(
  'main/sample/photos.ts',
  `/** The sample workshop's persona portraits: drawn by scripts/make-sample-photos.mjs (canvas, no stock photo), 512 × 512 JPEG, base64. */\n` +
    `export const SAMPLE_PHOTOS = {\n  mira: '${photos.mira}',\n  jonas: '${photos.jonas}',\n} as const;\n`,
);
for (const [ext, type] of [['png', 'image/png'], ['jpg', 'image/jpeg'], ['webp', 'image/webp']]) {
  const b64 = await draw({ ...mira, w: 800, h: 600, type });
  writeFileSync(`test/fixtures/images/photo.${ext}`, Buffer.from(b64, 'base64'));
}
const smallWebp = await draw({ ...jonas, w: 300, h: 200, type: 'image/webp' });
writeFileSync('test/fixtures/images/small.webp', Buffer.from(smallWebp, 'base64'));
await browser.close();
console.log('wrote main/sample/photos.ts and test/fixtures/images/*');
