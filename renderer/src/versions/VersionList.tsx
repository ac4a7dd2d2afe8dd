/**
 * The list of saved versions in the Versions panel: versions saved by hand first in weight,
 * those the app saved by itself (before a restore or an import, when a timer or a voting round
 * ended) marked "Automatic" and shown quieter, and a switch to hide them. The switch is
 * remembered on this computer.
 */
import { useId, useState } from 'react';
import type { SnapshotSummary } from '../../../shared/api/schemas';
import { TrashIcon } from '../ui/Icons';
import { plural } from '../util/format';
import { formatMoment, REASON_LABELS } from './words';

const SHOW_AUTOMATIC_KEY = 'journeywall.versions.showAutomatic';

function readShowAutomatic(): boolean {
  try {
    return localStorage.getItem(SHOW_AUTOMATIC_KEY) !== 'false';
  } catch {
    return true;
  }
}

export interface VersionListProps {
  snapshots: readonly SnapshotSummary[];
  busy: boolean;
  onCompare(s: SnapshotSummary): void;
  onRestore(s: SnapshotSummary): void;
  onDelete(s: SnapshotSummary): void;
}

export function VersionList({ snapshots, busy, onCompare, onRestore, onDelete }: VersionListProps) {
  const [showAutomatic, setShowAutomatic] = useState(readShowAutomatic);
  const switchId = useId();
  const automatic = snapshots.filter((s) => s.automatic).length;
  const shown = showAutomatic ? snapshots : snapshots.filter((s) => !s.automatic);
  const toggle = (on: boolean) => {
    setShowAutomatic(on);
    try {
      localStorage.setItem(SHOW_AUTOMATIC_KEY, String(on));
    } catch {
      // Not remembered: the switch still works for now.
    }
  };

  return (
    <>
      {automatic > 0 && (
        <div className="versions-filter">
          <input id={switchId} type="checkbox" data-testid="show-automatic-versions" checked={showAutomatic} onChange={(e) => toggle(e.target.checked)} />
          <label htmlFor={switchId}>Show automatic versions</label>
          {!showAutomatic && (
            <span className="muted" data-testid="hidden-versions">
              ({automatic.toLocaleString()} hidden)
            </span>
          )}
        </div>
      )}
      {shown.length === 0 ? (
        <p className="versions-empty muted">Every version here was saved automatically. Tick “Show automatic versions” to see them.</p>
      ) : (
        <ol className="versions-list" data-testid="versions-list" aria-label="Saved versions, newest first">
          {shown.map((s) => (
            <li
              key={s.id}
              className={`version-row${s.automatic ? ' version-row-automatic' : ''}`}
              data-testid="version-row"
              data-snapshot-id={s.id}
              data-reason={s.reason}
              data-automatic={s.automatic}
            >
              <div className="version-name" data-testid="version-name">
                {s.name}
              </div>
              <div className="version-meta">
                {s.automatic && <span className="version-automatic">Automatic</span>}
                <span className={`version-reason version-reason-${s.reason}`}>{REASON_LABELS[s.reason]}</span>
                <time dateTime={s.createdAt} title={new Date(s.createdAt).toLocaleString()}>
                  {formatMoment(s.createdAt)}
                </time>
                <span data-testid="version-note-count">{plural(s.noteCount, 'note')}</span>
              </div>
              <div className="version-actions">
                <button type="button" className="button button-small" onClick={() => onCompare(s)} aria-label={`Compare the map with “${s.name}”`}>
                  Compare
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => onRestore(s)} aria-label={`Restore “${s.name}”`}>
                  Restore
                </button>
                <button type="button" className="icon-button icon-button-danger" title="Delete this version" aria-label={`Delete “${s.name}”`} onClick={() => onDelete(s)}>
                  <TrashIcon />
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
