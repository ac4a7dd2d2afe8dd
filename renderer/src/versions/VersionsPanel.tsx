/**
 * The Versions side panel on the map screen: save the map as a named version, see every version
 * (why and when it was taken, how many notes), and compare, restore or delete one. It sits beside
 * the map, never over it, so the map stays usable while comparing.
 */
import { useEffect, useId, useState } from 'react';
import type { ProjectMap, SnapshotSummary } from '../../../shared/api/schemas';
import { ConfirmDialog } from '../ui/Dialog';
import { SidePanel } from '../ui/SidePanel';
import { plural } from '../util/format';
import { CompareView } from './CompareView';
import type { Versions } from './useVersions';
import { defaultVersionName } from './words';
import { VersionList } from './VersionList';

type Pending = { kind: 'restore' | 'delete'; snapshot: SnapshotSummary } | null;

export function VersionsPanel({ versions, map }: { versions: Versions; map: ProjectMap }) {
  const { snapshots, comparison, busy } = versions;
  const [pending, setPending] = useState<Pending>(null);


  return (
    <SidePanel
      title="Versions"
      closeLabel="Close versions"
      onClose={() => versions.setOpen(false)}
      className="versions-panel"
      testId="versions-panel"
      after={
        <>
          {pending?.kind === 'restore' && (
            <ConfirmDialog
              title={`Restore “${pending.snapshot.name}”?`}
              message={
                <>
                  <p>
                    The map goes back to how it was in this version: its stages, lanes, {plural(pending.snapshot.noteCount, 'note')} and emotion scores. The project’s details (title, client, date) stay as they are.
                  </p>
                  <p className="dialog-hint">The current map is saved as a version first, so you can go back.</p>
                </>
              }
              confirmLabel="Restore this version"
              onCancel={() => setPending(null)}
              onConfirm={() => {
                const s = pending.snapshot;
                setPending(null);
                void versions.restore(s);
              }}
            />
          )}
          {pending?.kind === 'delete' && (
            <ConfirmDialog
              title={`Delete the version “${pending.snapshot.name}”?`}
              message={<p>The map itself is not changed. Once deleted, this version cannot be compared with or restored.</p>}
              confirmLabel="Delete version"
              onCancel={() => setPending(null)}
              onConfirm={() => {
                const s = pending.snapshot;
                setPending(null);
                void versions.remove(s);
              }}
            />
          )}
        </>
      }
    >
      {comparison ? (
        <CompareView
          comparison={comparison}
          map={map}
          busy={busy}
          onStop={versions.stopComparing}
          onReveal={versions.revealNote}
          onRestore={() => setPending({ kind: 'restore', snapshot: comparison.snapshot })}
        />
      ) : (
        <>
          <SaveVersionForm snapshots={snapshots ?? []} busy={busy} onSave={versions.save} />
          {versions.loadError && (
            <p className="form-error" role="alert">
              {versions.loadError}
            </p>
          )}
          {snapshots === null ? (
            !versions.loadError && (
              <p className="muted" role="status">
                Loading versions…
              </p>
            )
          ) : snapshots.length === 0 ? (
            <p className="versions-empty muted">
              No versions yet. Save one before a big change, or at the end of each part of the workshop: you can compare the map with it and go back to it at any time.
            </p>
          ) : (
            <VersionList
              snapshots={snapshots}
              busy={busy}
              onCompare={versions.compare}
              onRestore={(s) => setPending({ kind: 'restore', snapshot: s })}
              onDelete={(s) => setPending({ kind: 'delete', snapshot: s })}
            />
          )}
        </>
      )}
    </SidePanel>
  );
}

/** The name field offers "Version N — HH:MM" until the user types another name. */
function SaveVersionForm({ snapshots, busy, onSave }: { snapshots: readonly SnapshotSummary[]; busy: boolean; onSave(name: string): Promise<boolean> }) {
  const [typed, setTyped] = useState<string | null>(null);
  const [suggested, setSuggested] = useState(() => defaultVersionName(snapshots));
  const inputId = useId();
  // A new suggestion when the list changes (a version saved here or elsewhere) or the minute turns.
  useEffect(() => {
    setSuggested(defaultVersionName(snapshots));
    const timer = setInterval(() => setSuggested(defaultVersionName(snapshots)), 20_000);
    return () => clearInterval(timer);
  }, [snapshots]);
  const name = typed ?? suggested;

  return (
    <form
      className="save-version"
      data-testid="save-version-form"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = name.trim();
        if (clean === '' || busy) return;
        void onSave(clean).then((ok) => {
          if (ok) setTyped(null);
        });
      }}
    >
      <label htmlFor={inputId} className="field">
        Name of the new version
      </label>
      <div className="save-version-row">
        <input id={inputId} data-testid="version-name-input" value={name} maxLength={200} onChange={(e) => setTyped(e.target.value)} onFocus={(e) => e.target.select()} />
        <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''} data-testid="save-version">
          Save version
        </button>
      </div>
    </form>
  );
}
