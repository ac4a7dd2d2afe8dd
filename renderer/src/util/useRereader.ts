/**
 * A reader of something shown live (a list, results): `read()` runs `load` unless it is already
 * running, in which case it runs once more when that finishes — so a burst of change events costs
 * at most two reads, and the last read always starts after the last event.
 */
import { useCallback, useRef } from 'react';

export function useRereader(load: () => Promise<void>): () => Promise<void> {
  const loading = useRef(false);
  const again = useRef(false);
  const latest = useRef(load);
  latest.current = load;
  return useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        await latest.current();
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, []);
}
