/**
 * Start-up, in the order that gets the first map on screen soonest: ask for the project in the
 * address and start loading the fonts at once, while the app's code (React, the canvas, the API
 * client and its contract: nearly all of the download) is fetched and evaluated as a second chunk.
 * This file must stay small: whatever it imports is evaluated before anything is asked for.
 */
import { prefetchProject } from './api/prefetch';
import { isProjectorView, readRoute } from './route';
import { randomToken } from './util/ids';
// The app's font ships with it (no font is ever fetched from the internet).
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
// What Inter lacks, as the PDF draws it (main/pdf/font-files.ts): each file is loaded only when
// a character needs it (unicode-range). CJK and emoji in one weight; the browser makes bold.
import '@fontsource/noto-sans-hebrew/hebrew-400.css';
import '@fontsource/noto-sans-hebrew/hebrew-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-emoji/400.css';
import './styles/base.css';
import './styles/home.css';
import './styles/map.css';
import './styles/canvas.css';
import './styles/outline.css';
import './styles/versions.css';
import './styles/personas.css';
import './styles/timer.css';
import './styles/portable.css';

/**
 * The canvas measures text to wrap notes: the font must be loaded before the first measurement,
 * or wraps would be computed with a fallback font. Never wait more than a moment for it.
 */
async function fontsReady(): Promise<void> {
  const loads = ['400 16px Inter', '600 16px Inter', '700 16px Inter'].map((f) => document.fonts.load(f));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, 1500))]);
}

/** This window's name in the API's events (see api/client.ts). */
const origin = `window-${randomToken()}`;
const route = readRoute();
const asked = route.name === 'project' && !isProjectorView() ? prefetchProject(route.projectId, origin) : Promise.resolve();
// index.html has the browser fetch and compile the app's chunk meanwhile (preload-plugin.ts).
// Evaluating it keeps the page busy for a while: it starts once the map has been asked for (its
// socket's "open" would otherwise wait behind it), or after a moment whatever happens.
const askedOrLate = Promise.race([asked, new Promise<void>((resolve) => setTimeout(resolve, 300))]);
void Promise.all([askedOrLate.then(() => import('./start')), fontsReady()]).then(([{ startApp }]) => startApp(origin));
