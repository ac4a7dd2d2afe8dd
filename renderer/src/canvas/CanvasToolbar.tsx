/**
 * The canvas's tool bars, docked above and below the map (never over it, so they cover no stage
 * header and no cell being edited): the view bar (zoom, fit, text size, add stage/lane) and the
 * selection bar (what can be done with the selected notes or emotion score, or where the selection
 * is). Each button runs the same command as its shortcut (shown in its tooltip).
 */
import { memo, useState, type ReactNode } from 'react';
import { NOTE_COLORS, NOTE_COLOR_FILLS, NOTE_TAGS, NOTE_TAG_LABELS, CHANNELS, CHANNEL_LABELS, type Channel } from '../../../shared/domain/model';
import { EMOTION_LABELS } from '../../../shared/domain/emotion';
import { useCommands } from '../commands/CommandsContext';
import { formatShortcut } from '../commands/shortcuts';
import type { MapActions } from '../map/view';
import { PlusIcon, TrashIcon } from '../ui/Icons';
import type { CanvasController, UiState } from './controller';
import { TextSizeControl } from './TextSizeControl';

function CommandButton({ id, children, className = 'canvas-button', label }: { id: string; children: ReactNode; className?: string; label?: string }) {
  const registry = useCommands();
  const command = registry.get(id);
  const shortcut = command?.shortcuts?.[0];
  const name = label ?? command?.label ?? id;
  return (
    <button type="button" className={className} title={shortcut ? `${name} (${formatShortcut(shortcut)})` : name} aria-label={name} onClick={() => registry.run(id, 'button')}>
      {children}
    </button>
  );
}

export const ViewToolbar = memo(function ViewToolbar({ ui }: { ui: UiState }) {
  const registry = useCommands();
  const [laneMenu, setLaneMenu] = useState(false);
  return (
    <div className="canvas-toolbar canvas-toolbar-view" role="toolbar" aria-label="View" data-testid="view-toolbar">
      <CommandButton id="map.zoomOut">−</CommandButton>
      <span className="canvas-zoom" data-testid="zoom-level">
        {Math.round(ui.zoom * 100)}%
      </span>
      <CommandButton id="map.zoomIn">+</CommandButton>
      <CommandButton id="map.zoomFit" className="canvas-button canvas-button-text">
        Fit
      </CommandButton>
      <span className="canvas-sep" />
      <TextSizeControl />
      <span className="canvas-sep" />
      <CommandButton id="map.addStage" className="canvas-button canvas-button-text" label="Add a stage (after the selected one)">
        <PlusIcon /> Stage
      </CommandButton>
      <span className="canvas-menu-anchor">
        <button type="button" className="canvas-button canvas-button-text" aria-haspopup="menu" aria-expanded={laneMenu} onClick={() => setLaneMenu((o) => !o)} title="Add a lane (after the selected one)">
          <PlusIcon /> Lane
        </button>
        {laneMenu && (
          <span className="canvas-menu canvas-menu-up" role="menu" onKeyDown={(e) => e.key === 'Escape' && setLaneMenu(false)}>
            {(['notes', 'touchpoints', 'emotion'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                role="menuitem"
                autoFocus={kind === 'notes'}
                onClick={() => {
                  setLaneMenu(false);
                  registry.run(`map.addLane.${kind}`, 'button');
                }}
              >
                {kind === 'notes' ? 'Notes (actions, thoughts, pain points …)' : kind === 'touchpoints' ? 'Touchpoints (with channels)' : 'Emotion curve'}
              </button>
            ))}
          </span>
        )}
      </span>
    </div>
  );
});

/** Where the selection is, in words, when no tools apply to it (a cell, a stage, a lane, nothing). */
function selectionWords(controller: CanvasController, ui: UiState): string {
  const sel = ui.selection;
  const scene = controller.scene;
  if (sel.kind === 'cell') return `${scene.stageTitles.get(sel.stageId) ?? ''} · ${scene.laneTitles.get(sel.laneId)?.title ?? ''}`;
  if (sel.kind === 'stage') return `Stage: ${scene.stageTitles.get(sel.id) ?? ''}`;
  if (sel.kind === 'lane') return `Lane: ${scene.laneTitles.get(sel.id)?.title ?? ''}`;
  return 'Select a cell or a note to work on it';
}

/** Memoised on the UI state, like the canvas's overlays: a map change re-renders it once laid out. */
export const SelectionToolbar = memo(function SelectionToolbar({ controller, actions, ui }: { controller: CanvasController; actions: MapActions; ui: UiState }) {
  const sel = ui.selection;
  const scene = controller.scene;
  const ids = sel.kind === 'notes' ? controller.selectedNoteIds() : [];
  const notes = ids.map((id) => scene.notes.get(id)).filter((n) => n !== undefined);
  const allTouchpoints = notes.length > 0 && notes.every((n) => scene.laneKinds.get(n.laneId) === 'touchpoints');
  const emotionCell = sel.kind === 'cell' && scene.laneKinds.get(sel.laneId) === 'emotion' ? sel : null;
  const emotion = emotionCell ? scene.emotions.get(emotionCell.laneId)?.find((e) => e.stageId === emotionCell.stageId) : undefined;

  return (
    <>
      {notes.length > 0 && (
        <div className="canvas-toolbar canvas-toolbar-selection" role="toolbar" aria-label="Selected notes" data-testid="selection-toolbar">
          <span className="canvas-count">{notes.length === 1 ? '1 note' : `${notes.length} notes`}</span>
          {NOTE_COLORS.map((color) => (
            <CommandButton key={color} id={`map.color.${color}`} className={`swatch${notes.every((n) => n.color === color) ? ' swatch-on' : ''}`} label={`Colour ${color}`}>
              <span style={{ background: NOTE_COLOR_FILLS[color] }} />
            </CommandButton>
          ))}
          <span className="canvas-sep" />
          {NOTE_TAGS.map((tag) => (
            <CommandButton key={tag} id={`map.tag.${tag}`} className={`tag-toggle${notes.every((n) => n.tags.includes(tag)) ? ' tag-on' : ''}`} label={`${NOTE_TAG_LABELS[tag]} tag`}>
              {NOTE_TAG_LABELS[tag]}
            </CommandButton>
          ))}
          {allTouchpoints && (
            <label className="canvas-channel">
              <span className="visually-hidden">Channel</span>
              <select
                value={notes.every((n) => n.channel === notes[0]!.channel) ? (notes[0]!.channel ?? '') : ''}
                onChange={(e) => void actions.updateNotes(ids, { channel: e.target.value === '' ? null : (e.target.value as Channel) })}
              >
                <option value="">Channel…</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="canvas-sep" />
          <CommandButton id="map.duplicate" className="canvas-button canvas-button-text">
            Duplicate
          </CommandButton>
          <CommandButton id="map.delete" className="canvas-button canvas-button-danger" label="Delete">
            <TrashIcon />
          </CommandButton>
        </div>
      )}

      {emotionCell && (
        <div className="canvas-toolbar canvas-toolbar-selection" role="toolbar" aria-label="Emotion" data-testid="emotion-toolbar">
          <span className="canvas-count">{scene.stageTitles.get(emotionCell.stageId)}: how do customers feel?</span>
          {[-2, -1, 0, 1, 2].map((score) => (
            <button
              key={score}
              type="button"
              className={`emotion-choice${emotion?.score === score ? ' emotion-on' : ''}`}
              aria-pressed={emotion?.score === score}
              onClick={() => void actions.setEmotion(emotionCell.laneId, emotionCell.stageId, score)}
            >
              {score > 0 ? `+${score}` : score} {EMOTION_LABELS[score]}
            </button>
          ))}
          {emotion && (
            <button type="button" className="canvas-button canvas-button-text" onClick={() => controller.openEditor({ kind: 'explanation', laneId: emotionCell.laneId, stageId: emotionCell.stageId })}>
              Why?
            </button>
          )}
        </div>
      )}
      {notes.length === 0 && !emotionCell && (
        <p className="canvas-where" data-testid="selection-where">
          {selectionWords(controller, ui)}
        </p>
      )}
    </>
  );
});
