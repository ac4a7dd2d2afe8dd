/**
 * The Trash on the home screen: deleted projects, each restorable (with its saved versions) until
 * it is removed for good — by hand, by emptying the Trash, or at a start 30 days after it was
 * deleted. Hidden while the Trash is empty.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TrashedProject } from '../../../shared/api/methods/trash';
import { useApi, useApiEvents } from '../api/ApiContext';
import { ConfirmDialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';
import { plural } from '../util/format';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

export function TrashList() {
  const client = useApi();
  const toasts = useToasts();
  const [items, setItems] = useState<TrashedProject[]>([]);
  const [confirm, setConfirm] = useState<TrashedProject | 'all' | null>(null);

  const reload = useCallback(() => {
    void client.call('projects.trash', {}).then((r) => {
      if (r.ok) setItems(r.value);
    });
  }, [client]);
  useEffect(reload, [reload]);
  useApiEvents((e) => {
    if (e.type === 'projects.changed' || e.type === 'library.replaced') reload();
  });

  const restore = async (p: TrashedProject) => {
    const r = await client.call('projects.restore', { projectId: p.id });
    if (!r.ok) toasts.error(r.error.message, 'Not restored');
    else toasts.notify({ kind: 'info', message: `“${p.title}” is back in your projects.` });
    reload();
  };
  const purge = async (target: TrashedProject | 'all') => {
    const r = target === 'all' ? await client.call('projects.emptyTrash', {}) : await client.call('projects.purge', { projectId: target.id });
    if (!r.ok) toasts.error(r.error.message, 'Not removed');
    reload();
  };

  if (items.length === 0) return null;
  return (
    <section className="trash" aria-labelledby="trash-heading" data-testid="trash">
      <div className="trash-header">
        <h2 id="trash-heading">Trash</h2>
        <button type="button" className="button button-small button-quiet" onClick={() => setConfirm('all')}>
          Empty Trash
        </button>
      </div>
      <p className="muted">Deleted projects stay here, with their saved versions, for 30 days.</p>
      <ul className="trash-list">
        {items.map((p) => (
          <li key={p.id} data-testid="trash-row">
            <span className="trash-title">{p.title}</span>
            <span className="muted">
              {plural(p.noteCount, 'note')}, {plural(p.snapshotCount, 'saved version')} · deleted {day(p.deletedAt)}, removed for good after {day(p.purgeAt)}
            </span>
            <span className="row-actions">
              <button type="button" className="button button-small" onClick={() => void restore(p)} aria-label={`Restore ${p.title}`}>
                Restore
              </button>
              <button type="button" className="button button-small button-quiet" onClick={() => setConfirm(p)} aria-label={`Delete for good: ${p.title}`}>
                Delete for good
              </button>
            </span>
          </li>
        ))}
      </ul>
      {confirm && (
        <ConfirmDialog
          title={confirm === 'all' ? 'Empty the Trash?' : `Delete “${confirm.title}” for good?`}
          message={<p>{confirm === 'all' ? `${plural(items.length, 'project')} will be removed from this computer for good.` : 'The project and its saved versions will be removed from this computer for good.'} This cannot be undone.</p>}
          confirmLabel={confirm === 'all' ? 'Empty Trash' : 'Delete for good'}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const target = confirm;
            setConfirm(null);
            void purge(target);
          }}
        />
      )}
    </section>
  );
}
