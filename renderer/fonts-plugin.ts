/**
 * The app's fonts as the browser should get them: WOFF2 only (every Chromium reads it; fontsource's
 * CSS also names a WOFF fallback, which would put a second copy of every font in the build), and
 * of the CJK packages only their CJK subsets (Latin, Cyrillic and Vietnamese are Inter's). Each
 * face keeps its unicode-range, so the browser loads a file only when a character needs it.
 */
import type { Plugin } from 'vite';

const FONTSOURCE_CSS = /[\\/]@fontsource[\\/]([^\\/]+)[\\/][^\\/]+\.css$/;
const CJK = new Set(['noto-sans-jp', 'noto-sans-kr', 'noto-sans-sc']);

export function fontsWoff2Only(): Plugin {
  return {
    name: 'journeywall:fonts-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      const m = FONTSOURCE_CSS.exec(id.split('?')[0]!);
      if (!m) return null;
      let css = code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
      // Whole @font-face blocks of subsets another font draws (a comment names each block).
      if (CJK.has(m[1]!)) css = css.replace(/\/\*[^*]*-(latin|latin-ext|cyrillic|vietnamese)-\d+-normal \*\/\s*@font-face\s*\{[^}]*\}\s*/g, '');
      return { code: css, map: null };
    },
  };
}
