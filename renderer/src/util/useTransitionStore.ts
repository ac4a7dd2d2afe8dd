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
    let timer: ReturnType<typeof setTimeout> | null = null;
    // One task later, and once for any number of changes: after a key press Chromium holds every
    // task back until the next frame and then runs them in the order they were posted, so a render
    // scheduled inside the Enter would run before that edit's answer is read; scheduled from this
    // task, it comes after the answers already on their way, and renders the edit once, saved.
    const update = () => {
      timer ??= setTimeout(() => {
        timer = null;
        startTransition(() => setState(getState));
      }, 0);
    };
    // A change between the first render and this subscription is not missed.
    startTransition(() => setState(getState));
    const unsubscribe = subscribe(update);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, getState]);
  return state;
}
