/**
 * Start-up in parallel: index.html names, besides its small entry (main.tsx), the app's code
 * chunk (start.tsx and what it imports), that chunk's styles, and the note font, so the browser
 * fetches and parses them while the entry runs and the first map is asked for — instead of
 * discovering them one after the other, each only once the previous one has run.
 *
 * Nothing is evaluated early: a modulepreload only fetches and compiles; the entry still imports
 * the app when the map has been asked for (see main.tsx).
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The fonts the canvas measures and draws with before anything is shown (see main.tsx). */
const FIRST_FONTS = /(^|\/)inter-latin-(400|600|700)-normal-[^/]*\.woff2$/;

export function preloadAppChunk(entry = '/src/start.tsx'): Plugin {
  return {
    name: 'journeywall:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The facilitator's page only (room mode's participant page has its own small entry).
        if (!ctx.filename.replaceAll('\\', '/').endsWith('/index.html')) return [];
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
        const app = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(entry));
        if (!app) throw new Error(`preloadAppChunk: no chunk for ${entry} in the build.`);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || chunk.isEntry || scripts.has(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const dep of chunk.imports) visit(dep);
        };
        visit(app.fileName);
        const fonts = Object.keys(bundle).filter((f) => FIRST_FONTS.test(f));
        if (fonts.length !== 3) throw new Error(`preloadAppChunk: expected Inter 400, 600 and 700 (latin, woff2) in the build, found ${fonts.length}.`);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });
        return [
          ...[...scripts].map((f) => link({ rel: 'modulepreload', crossorigin: true, href: `./${f}` })),
          ...[...styles].map((f) => link({ rel: 'preload', as: 'style', crossorigin: true, href: `./${f}` })),
          ...fonts.map((f) => link({ rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${f}` })),
        ];
      },
    },
  };
}
