/**
 * Home: every project in the library, newest change first. Open, rename in place, delete (after
 * saying what goes with it), and start a new one from a template.
 */
import { ImportProjectButton } from '../portable/ImportProjectButton';
import { AddSampleButton, useFirstStartSample } from './SampleWorkshop';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api/schemas';
import { useApi, useApiEvents } from '../api/ApiContext';
import { ConfirmDialog } from '../ui/Dialog';
import { InlineTextInput } from '../ui/InlineTextInput';
import { PencilIcon, PlusIcon, TrashIcon } from '../ui/Icons';
import { useToasts } from '../ui/Toasts';
import { formatChanged, formatWorkshopDate, plural } from '../util/format';
import { NewProjectForm } from './NewProjectForm';
import { DetailsButton } from '../details/DetailsButton';
import { TrashList } from './TrashList';

export interface HomeScreenProps {
  onOpen(projectId: string): void;
  /** Show the Restore-from-backup screen. */
  onBackups?(): void;
  /** Bumped by the "New Project…" command: open the form. */
  newProjectRequest: number;
}

export function HomeScreen({ onOpen, onBackups, newProjectRequest }: HomeScreenProps) {
  const client = useApi();
  const toasts = useToasts();
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(newProjectRequest > 0);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ProjectSummary | null>(null);
  const loading = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const reload = useCallback(() => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = (async () => {
      do {
        again.current = false;
        const r = await client.call('projects.list', {});
        if (r.ok) {
          setProjects(r.value);
          setLoadError(null);
        } else setLoadError(r.error.message);
      } while (again.current);
      loading.current = null;
    })();
  }, [client]);

  useEffect(reload, [reload]);
  useFirstStartSample();
  useApiEvents((e) => {
    if (e.type === 'projects.changed' || e.type === 'library.replaced') reload();
  });
  useEffect(() => {
    if (newProjectRequest > 0) setCreating(true);
  }, [newProjectRequest]);

  const rename = async (project: ProjectSummary, title: string) => {
    setProjects((list) => list?.map((p) => (p.id === project.id ? { ...p, title } : p)) ?? null);
    const r = await client.call('projects.update', { projectId: project.id, title });
    if (!r.ok) toasts.error(r.error.message, 'Not renamed');
    reload();
  };

  const remove = async (project: ProjectSummary) => {
    setProjects((list) => list?.filter((p) => p.id !== project.id) ?? null);
    const r = await client.call('projects.delete', { projectId: project.id });
    if (!r.ok) toasts.error(r.error.message, 'Not deleted');
    else toasts.notify({ kind: 'info', message: `“${project.title}” was moved to the Trash.` });
    reload();
  };

  return (
    <div className="screen home-screen">
      <header className="topbar home-topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Journeywall</span>
        </div>
        {onBackups && (
          <button type="button" className="button button-quiet home-backups" onClick={onBackups} title="Restore the library from one of its automatic backups">
            Backups…
          </button>
        )}
        <AddSampleButton onOpen={onOpen} />
        <ImportProjectButton onOpen={onOpen} />
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <PlusIcon /> New project
          </button>
        )}
      </header>
      <main className="home-main">
        <h1 className="home-heading">Projects</h1>
        {creating && (
          <NewProjectForm
            onCancel={() => setCreating(false)}
            onCreated={(project) => {
              setCreating(false);
              onOpen(project.id);
            }}
          />
        )}
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        )}
        {projects === null ? (
          !loadError && (
            <p className="muted" role="status">
              Loading projects…
            </p>
          )
        ) : projects.length === 0 ? (
          !creating && (
            <div className="empty-state">
              <h2>No projects yet</h2>
              <p>A project holds one workshop: its journey map, notes and analysis. Start from a template and adapt it as the room talks.</p>
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                <PlusIcon /> New project
              </button>
            </div>
          )
        ) : (
          <table className="project-table" data-testid="project-list">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Client</th>
                <th scope="col">Workshop</th>
                <th scope="col" className="num">
                  Notes
                </th>
                <th scope="col">Last change</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-testid="project-row" data-project-id={p.id}>
                  <td className="project-title-cell">
                    {renamingId === p.id ? (
                      <InlineTextInput
                        label="Project title"
                        initial={p.title}
                        onSave={(title) => {
                          setRenamingId(null);
                          void rename(p, title);
                        }}
                        onCancel={() => setRenamingId(null)}
                      />
                    ) : (
                      <button type="button" className="project-open" onClick={() => onOpen(p.id)}>
                        {p.title}
                      </button>
                    )}
                  </td>
                  <td>{p.client || <span className="muted">—</span>}</td>
                  <td className="project-date">{formatWorkshopDate(p.workshopDate) || <span className="muted">—</span>}</td>
                  <td className="num" data-testid="project-note-count">
                    {p.noteCount.toLocaleString()}
                  </td>
                  <td>
                    <time dateTime={p.updatedAt} title={new Date(p.updatedAt).toLocaleString()}>
                      {formatChanged(p.updatedAt)}
                    </time>
                  </td>
                  <td className="row-actions">
                    <button type="button" className="button button-small" onClick={() => onOpen(p.id)} aria-label={`Open ${p.title}`}>
                      Open
                    </button>
                    <DetailsButton projectId={p.id} title={p.title} onChanged={reload} />
                    <button type="button" className="icon-button" aria-label={`Rename ${p.title}`} title="Rename" onClick={() => setRenamingId(p.id)}>
                      <PencilIcon />
                    </button>
                    <button type="button" className="icon-button icon-button-danger" aria-label={`Delete ${p.title}`} title="Delete" onClick={() => setDeleting(p)}>
                      <TrashIcon />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <TrashList />
      </main>
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          message={
            <p>
              The project and its {plural(deleting.noteCount, 'note')} go to the Trash below, where you can restore them (with the saved versions) for 30 days.
            </p>
          }
          confirmLabel="Move to Trash"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const p = deleting;
            setDeleting(null);
            void remove(p);
          }}
        />
      )}
    </div>
  );
}
