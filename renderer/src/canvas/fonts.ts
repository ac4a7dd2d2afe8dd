/**
 * The canvas measures text to wrap notes. The fonts for scripts Inter lacks (CJK, Arabic, Hebrew,
 * emoji) load only when a note needs them, after the map was laid out with a fallback's widths:
 * when they finish, the map is wrapped again, so a Japanese note does not run out of its box.
 */
export function onFontsLoaded(relayout: () => void): () => void {
  const fonts = document.fonts;
  if (!fonts?.addEventListener) return () => {};
  let frame = 0;
  const loaded = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(relayout);
  };
  fonts.addEventListener('loadingdone', loaded);
  return () => {
    cancelAnimationFrame(frame);
    fonts.removeEventListener('loadingdone', loaded);
  };
}
