/**
 * Typing on the canvas: a key that types a character, pressed while the canvas has the keyboard,
 * goes to the rule in typing.ts before any command can take it (a window capture listener, so it
 * runs before the command registry's). What the rule says is done here.
 */
import { useEffect, type RefObject } from 'react';
import { clampScore } from '../../../shared/domain/emotion';
import { IS_MAC } from '../commands/shortcuts';
import type { MapActions } from '../map/view';
import { cellWords, emotionWords } from './announce';
import type { CanvasController } from './controller';
import { keyRule, type KeyOutcome, type TypingTarget } from './typing';

export function typingTarget(c: CanvasController): TypingTarget {
  const s = c.getUi().selection;
  switch (s.kind) {
    case 'none':
      return { kind: 'none' };
    case 'stage':
    case 'lane':
      return { kind: 'title' };
    case 'notes':
      return { kind: s.ids.size === 1 ? 'note' : 'notes' };
    case 'cell':
      if (c.scene.laneKinds.get(s.laneId) !== 'emotion') return { kind: 'cell' };
      return { kind: 'emotion-cell', score: c.scene.emotions.get(s.laneId)?.find((e) => e.stageId === s.stageId)?.score ?? null };
  }
}

/** Sets the selected emotion cell's score (from the current one by `delta`, or to `score`). */
export function scoreSelected(c: CanvasController, actions: MapActions, change: { delta: number } | { score: number }) {
  const s = c.getUi().selection;
  if (s.kind !== 'cell') return;
  const current = c.scene.emotions.get(s.laneId)?.find((e) => e.stageId === s.stageId)?.score;
  const next = clampScore('score' in change ? change.score : (current ?? 0) + change.delta);
  if (next === current) return c.announce(`Emotion stays ${emotionWords(next)}`);
  void actions.setEmotion(s.laneId, s.stageId, next);
  c.announce(`Emotion at ${cellWords(c.scene, s.stageId, s.laneId)}: ${emotionWords(next)}`);
}

export function applyTyping(c: CanvasController, actions: MapActions, outcome: KeyOutcome): void {
  const s = c.getUi().selection;
  switch (outcome.kind) {
    case 'pass':
      return;
    case 'new-note':
      if (s.kind === 'cell') c.openEditor({ kind: 'new', stageId: s.stageId, laneId: s.laneId, text: outcome.text });
      return;
    case 'edit-note':
      if (s.kind === 'notes') c.openEditor({ kind: 'edit', noteId: [...s.ids][0]!, append: outcome.append });
      return;
    case 'rename':
      if (s.kind === 'stage') c.openEditor({ kind: 'stage-title', id: s.id, text: outcome.text });
      else if (s.kind === 'lane') c.openEditor({ kind: 'lane-title', id: s.id, text: outcome.text });
      return;
    case 'explain':
      if (s.kind === 'cell') c.openEditor({ kind: 'explanation', laneId: s.laneId, stageId: s.stageId, append: outcome.append });
      return;
    case 'score-by':
      return scoreSelected(c, actions, { delta: outcome.delta });
    case 'score':
      return scoreSelected(c, actions, { score: outcome.score });
    case 'ignore':
      return c.announce(outcome.reason);
  }
}

/** While the canvas (or nothing) has the keyboard, typed characters go to the selection. */
export function useCanvasTyping(controller: CanvasController, container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = container.current;
      if (!el || e.defaultPrevented || (e.target !== el && e.target !== document.body)) return;
      if (controller.getUi().editor || document.querySelector('dialog:modal')) return;
      const outcome = keyRule(typingTarget(controller), { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, composing: e.isComposing, mac: IS_MAC });
      if (outcome.kind === 'pass') return;
      // The character goes into the editor that opens; no command hears it.
      e.preventDefault();
      applyTyping(controller, controller.actions, outcome);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [controller, container]);
}
