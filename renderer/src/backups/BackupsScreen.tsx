/**
 * Restore from backup (#/backups): every automatic backup of the library, newest first, with when
 * it was taken, its size and the projects inside; restoring one puts the whole library back as it
 * was then, after backing up the library as it is now (so a restore can itself be undone).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/schemas';
import { useApi, useApiEvents } from '../api/ApiContext';
import { ConfirmDialog } from '../ui/Dialog';
import { BackIcon } from '../ui/Icons';
import { useToasts } from '../ui/Toasts';
import { formatChanged, plural } from '../util/format';
import { formatMoment, formatSize, momentInWords } from '../versions/words';

export function BackupsScreen({ onHome }: { onHome(): void }) {
  const client = useApi();
  const toasts = useToasts();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const loading = useRef(false);

  const reload = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    const r = await client.call('backups.list', {});
    loading.current = false;
    if (r.ok) {
      setBackups(r.value);
      setLoadError(null);
    } else setLoadError(r.error.message);
  }, [client]);

  useEffect(() => void reload(), [reload]);
  useApiEvents((e) => {
    if (e.type === 'library.replaced') void reload();
  });

  const restore = async (backup: BackupInfo) => {
    setRestoring(backup.name);
    const r = await client.call('backups.restore', { name: backup.name });
    setRestoring(null);
    if (!r.ok) {
      toasts.error(r.error.message, 'Not restored');
      void reload();
      return;
    }
    toasts.notify({
      kind: 'info',
      title: 'Library restored',
      message: `Your projects are back as they were ${momentInWords(backup.createdAt)}. The library as it was a moment ago is kept as a backup: you find it under Backups, marked “Taken just before a restore”.`,
    });
    onHome();
  };

  return (
    <div className="screen backups-screen" data-testid="backups-screen">
      <header className="topbar">
        <button type="button" className="button button-quiet" onClick={onHome}>
          <BackIcon /> All projects
        </button>
        <div className="topbar-title">
          <h1>Restore from a backup</h1>
        </div>
      </header>
      <main className="backups-main">
        <p className="backups-intro">
          Journeywall keeps copies of your whole library: one each time it starts and one every hour while you work. If something went wrong, you can put every project back as it was at
          one of these moments. Your library as it is now is backed up first, so a restore can be undone too.
        </p>
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        )}
        {backups === null ? (
          !loadError && (
            <p className="muted" role="status">
              Looking for backups…
            </p>
          )
        ) : backups.length === 0 ? (
          <div className="empty-state">
            <h2>No backups yet</h2>
            <p>The first backup is made the next time Journeywall starts.</p>
          </div>
        ) : (
          <ol className="backups-list" data-testid="backups-list" aria-label="Backups, newest first">
            {backups.map((b) => (
              <BackupRow key={b.name} backup={b} busy={restoring !== null} restoring={restoring === b.name} onRestore={() => setConfirming(b)} />
            ))}
          </ol>
        )}
      </main>
      {confirming && (
        <ConfirmDialog
          title="Restore this backup?"
          message={
            <>
              <p>
                Every project goes back to how it was <strong>{momentInWords(confirming.createdAt)}</strong>
                {confirming.projects ? <> ({describeProjects(confirming.projects)})</> : null}. Work done since then is not in this backup.
              </p>
              <p className="dialog-hint">Your library as it is now is backed up first, so you can return to it from this screen.</p>
            </>
          }
          confirmLabel="Restore this backup"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const b = confirming;
            setConfirming(null);
            void restore(b);
          }}
        />
      )}
    </div>
  );
}

function BackupRow({ backup: b, busy, restoring, onRestore }: { backup: BackupInfo; busy: boolean; restoring: boolean; onRestore(): void }) {
  const recent = Date.now() - Date.parse(b.createdAt) < 6 * 3600 * 1000;
  return (
    <li className="backup-row" data-testid="backup-row" data-name={b.name}>
      <div className="backup-info">
        <div className="backup-when">
          <time dateTime={b.createdAt} title={new Date(b.createdAt).toLocaleString()}>
            {formatMoment(b.createdAt)}
          </time>
          {recent && <span className="muted"> · {formatChanged(b.createdAt)}</span>}
        </div>
        <div className="backup-meta">
          {b.kind === 'before-restore' ? <span className="backup-kind">Taken just before a restore</span> : 'Automatic backup'} · {formatSize(b.size)}
        </div>
        {b.projects ? (
          b.projects.length === 0 ? (
            <p className="backup-meta">No projects</p>
          ) : (
            <ul className="backup-projects" aria-label="Projects in this backup">
              {b.projects.map((p) => (
                <li key={p.id} data-testid="backup-project">
                  {p.title} — {plural(p.noteCount, 'note')}
                </li>
              ))}
            </ul>
          )
        ) : null}
        {b.problem && <p className="backup-problem">This backup cannot be used: {b.problem}</p>}
      </div>
      <button type="button" className="button" disabled={busy || b.problem !== null} onClick={onRestore} aria-label={`Restore the backup from ${formatMoment(b.createdAt)}`}>
        {restoring ? 'Restoring…' : 'Restore'}
      </button>
    </li>
  );
}

function describeProjects(projects: NonNullable<BackupInfo['projects']>): string {
  if (projects.length === 0) return 'no projects';
  if (projects.length <= 3) return projects.map((p) => `“${p.title}”, ${plural(p.noteCount, 'note')}`).join('; ');
  return plural(projects.length, 'project');
}
