// Builds the reference page (Vite) and copies Excalidraw's font files next to it, so the page
// loads every font from the benchmark's own server (window.EXCALIDRAW_ASSET_PATH = '/').
import { build } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
await build({ root: here, configFile: path.join(here, 'vite.config.js') });
const fonts = path.join(here, 'node_modules', '@excalidraw', 'excalidraw', 'dist', 'prod', 'fonts');
if (!fs.existsSync(fonts)) throw new Error(`Excalidraw's fonts are not at ${fonts}: has the package layout changed?`);
fs.cpSync(fonts, path.join(here, 'dist', 'fonts'), { recursive: true });
console.log('built bench/reference/dist (fonts copied)');
