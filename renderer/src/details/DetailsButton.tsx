/**
 * A home-screen project row's "Details": reads the project's details, opens the details dialog,
 * saves what changed, and offers Undo in the message that says so (the home screen has no undo
 * history of its own: the Undo puts back exactly the fields that changed).
 */
import { useState } from 'react';
import type { Project } from '../../../shared/api/schemas';
import { describeChanges, revertDetails } from '../../../shared/domain/details';
import { useApi } from '../api/ApiContext';
import { useToasts } from '../ui/Toasts';
import { DetailsDialog } from './DetailsDialog';

export function DetailsButton({ projectId, title, onChanged }: { projectId: string; title: string; onChanged(): void }) {
  const client = useApi();
  const toasts = useToasts();
  const [project, setProject] = useState<Project | null>(null);

  const open = async () => {
    const r = await client.call('projects.get', { projectId });
    if (r.ok) setProject(r.value);
    else toasts.error(r.error.message, 'The details cannot be read');
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={() => void open()} aria-label={`Details of ${title}`} title="Title, client, date, facilitator, goal and description">
        Details
      </button>
      {project && (
        <DetailsDialog
          details={project}
          onClose={() => setProject(null)}
          onSave={async (changes) => {
            const r = await client.call('projects.update', { projectId, ...changes });
            if (!r.ok) return r.error.message;
            onChanged();
            const undo = revertDetails(project, changes);
            toasts.notify({
              kind: 'info',
              message: `The ${describeChanges(changes)} of “${r.value.title}” changed.`,
              action: {
                label: 'Undo',
                run: () =>
                  void client.call('projects.update', { projectId, ...undo }).then((u) => {
                    if (!u.ok) toasts.error(u.error.message, 'Not undone');
                    onChanged();
                  }),
              },
            });
            return null;
          }}
        />
      )}
    </>
  );
}
