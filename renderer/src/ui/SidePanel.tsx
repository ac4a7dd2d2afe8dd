/**
 * A panel beside the map (Versions, Voting): a heading that takes the focus when it opens (so a
 * screen reader says where the user is), a close button, and a scrolling body. `after` is what
 * belongs to the panel but not to its body (its confirmation dialogs).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface SidePanelProps {
  title: string;
  /** The close button's accessible name ("Close versions"). */
  closeLabel: string;
  onClose(): void;
  className: string;
  testId: string;
  children: ReactNode;
  after?: ReactNode;
}

export function SidePanel({ title, closeLabel, onClose, className, testId, children, after }: SidePanelProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <aside className={`side-panel ${className}`} aria-labelledby={titleId} data-testid={testId}>
      <header className="side-panel-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={closeLabel} title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
      {after}
    </aside>
  );
}
