/**
 * An external store's state for a React tree that may render in the background: every change is
 * rendered as a transition, which React does in short slices between other work, never inside
 * the event that caused it.
 *
 * useSyncExternalStore renders synchronously in that event instead. For the map screen that meant
 * re-rendering its whole frame (toolbars, panels) inside the Enter that saved a note, before the
 * browser could even read the save's acknowledgement. What must follow an edit at once (the
 * canvas) subscribes to the store directly; the rest follows a moment later with this.
 */
import { startTransition, useEffect, useState } from 'react';

export function useTransitionStore<T>(subscribe: (listener: () => void) => () => void, getState: () => T): T {
  const [state, setState] = useState(getState);
  useEffect(() => {
    const update = () => startTransition(() => setState(getState));
    // A change between the first render and this subscription is not missed.
    update();
    return subscribe(update);
  }, [subscribe, getState]);
  return state;
}
