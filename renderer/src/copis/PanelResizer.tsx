/** The panel's left edge: drag to resize, or focus it and use ←/→ (Shift for larger steps). */
import { useRef } from 'react';

/** The panel's width in pixels: limits and the first width. */
export const PANEL_WIDTH = { min: 320, max: 900, initial: 440 } as const;

export function PanelResizer({ width, onWidth }: { width: number; onWidth(w: number): void }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="copis-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the COPIS panel"
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      data-testid="copis-resizer"
      onPointerDown={(e) => {
        start.current = { x: e.clientX, width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onWidth(start.current.width + (start.current.x - e.clientX));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 80 : 20;
        if (e.key === 'ArrowLeft') onWidth(width + step);
        else if (e.key === 'ArrowRight') onWidth(width - step);
        else return;
        e.preventDefault();
      }}
    />
  );
}
