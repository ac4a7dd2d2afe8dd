/**
 * The sample workshop on the home screen: "Add the sample workshop" at any time, and once, by
 * itself, on the first start of an empty library (main remembers it was offered: deleted, it
 * never comes back by itself).
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useToasts } from '../ui/Toasts';

export function useFirstStartSample(): void {
  const client = useApi();
  useEffect(() => {
    void client.call('projects.addSample', { firstStart: true });
  }, [client]);
}

export function AddSampleButton({ onOpen }: { onOpen(projectId: string): void }) {
  const client = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-quiet"
      disabled={busy}
      data-testid="add-sample"
      title="A realistic example: a bike-sharing journey with personas, KPIs, a voting round and saved versions"
      onClick={() => {
        setBusy(true);
        void client.call('projects.addSample', {}).then((r) => {
          setBusy(false);
          if (!r.ok) return toasts.error(r.error.message, 'The sample workshop was not added');
          if (r.value) onOpen(r.value.id);
        });
      }}
    >
      {busy ? 'Adding the sample…' : 'Add the sample workshop'}
    </button>
  );
}
