/**
 * The canvas's commands: one registry entry per action, so keyboard, toolbar, the `?` list and
 * tests all run the same thing.
 */
import { NOTE_COLORS, NOTE_TAGS, NOTE_TAG_LABELS, type LaneKind, type NoteTag } from '../../../shared/domain/model';
import { useRegisterCommands } from '../commands/CommandsContext';
import type { Command } from '../commands/registry';
import type { MapActions } from '../map/view';
import { cellKey } from '../../../shared/domain/layout';
import type { CanvasController } from './controller';
import { plural } from './announce';
import { neighbour, type Direction } from './navigation';
import { scoreSelected } from './keyboard';

const TAG_KEYS: Record<NoteTag, string> = { pain: 'P', opportunity: 'O', idea: 'I', question: 'Q' };

/** How typing works on the map (typing.ts): shown in the `?` list; the keys themselves are typed, not commands. */
const TYPING_HELP: Command[] = [
  { id: 'map.type.cell', label: 'Select a cell and type: a new note that starts with what you type', group: 'Typing', keys: ['any character'], run: () => {} },
  { id: 'map.type.note', label: 'Select a note and type: add to its text', group: 'Typing', keys: ['any character'], run: () => {} },
  { id: 'map.type.title', label: 'Select a stage or lane title and type: rename it', group: 'Typing', keys: ['any character'], run: () => {} },
  { id: 'map.type.enter', label: 'In a note: save it and start the next one in the same cell', group: 'Typing', keys: ['Enter'], run: () => {} },
  { id: 'map.type.newline', label: 'In a note: a new line', group: 'Typing', keys: ['Shift+Enter'], run: () => {} },
  { id: 'map.type.tab', label: "In a note: save it and go on in the next stage; after the last stage, in the next lane's first stage (emotion lanes skipped; after the last lane, the first)", group: 'Typing', keys: ['Tab'], run: () => {} },
  { id: 'map.type.backTab', label: "In a note: save it and go back a stage; before the first, the previous lane's last stage", group: 'Typing', keys: ['Shift+Tab'], run: () => {} },
  { id: 'map.type.leave', label: 'In a note: save it and leave', group: 'Typing', keys: ['Esc'], run: () => {} },
];

export function canvasCommands(controller: CanvasController, actions: MapActions, focusCanvas: () => void): Command[] {
  const sel = () => controller.getUi().selection;
  const noteIds = () => controller.selectedNoteIds();
  const hasNotes = () => noteIds().length > 0;
  const emotionCell = () => {
    const s = sel();
    return s.kind === 'cell' && controller.scene.laneKinds.get(s.laneId) === 'emotion' ? s : null;
  };
  const editable = () => controller.getUi().editor === null;
  const voting = () => Boolean(controller.getVotes()?.mode);

  const toggleTag = (tag: NoteTag) => {
    const ids = noteIds();
    const all = ids.every((id) => controller.scene.notes.get(id)?.tags.includes(tag));
    void actions.updateNotes(ids, all ? { removeTags: [tag] } : { addTags: [tag] });
    controller.announce(`${plural(ids.length, 'note')} ${all ? 'untagged' : 'tagged'} ${NOTE_TAG_LABELS[tag].toLowerCase()}`);
  };

  // The arrows move through the emotion lane like any other; its score changes with + / − (keyboard.ts).
  const go = (dir: Direction) => {
    const next = neighbour(controller.scene, sel(), dir);
    if (!next) return;
    controller.select(next);
    if (next.kind === 'notes') controller.revealNote([...next.ids][0]!);
    else if (next.kind === 'cell') {
      const cell = controller.scene.layout.cells.get(cellKey(next.stageId, next.laneId));
      if (cell) controller.revealRect({ x: cell.x, y: cell.y, w: Math.min(cell.w, 600), h: Math.min(cell.h, 400) });
    }
    focusCanvas();
  };

  /** Enter/F2: add to a cell, edit a note, rename a header, explain an emotion. */
  const open = () => {
    const s = sel();
    if (s.kind === 'cell') {
      if (emotionCell()) {
        if (controller.scene.emotions.get(s.laneId)?.some((e) => e.stageId === s.stageId)) controller.openEditor({ kind: 'explanation', laneId: s.laneId, stageId: s.stageId });
        return;
      }
      controller.openEditor({ kind: 'new', stageId: s.stageId, laneId: s.laneId });
    } else if (s.kind === 'notes' && s.ids.size === 1) controller.openEditor({ kind: 'edit', noteId: [...s.ids][0]! });
    else if (s.kind === 'stage') controller.openEditor({ kind: 'stage-title', id: s.id });
    else if (s.kind === 'lane') controller.openEditor({ kind: 'lane-title', id: s.id });
  };

  /** Ctrl+Enter: a new note in the selected cell, or right after the selected note. */
  const newNote = () => {
    const s = sel();
    if (s.kind === 'cell' && !emotionCell()) return controller.openEditor({ kind: 'new', stageId: s.stageId, laneId: s.laneId });
    const ids = noteIds();
    const last = ids.length > 0 ? controller.scene.layout.notes.get(ids[ids.length - 1]!) : undefined;
    if (last) controller.openEditor({ kind: 'new', stageId: last.stageId, laneId: last.laneId, index: last.index + 1 });
  };

  /** After the selected stage (or the stage of the selected cell or note), else at the end. */
  const stageIndexAfterSelection = () => {
    const s = sel();
    const stageId = s.kind === 'stage' ? s.id : s.kind === 'cell' ? s.stageId : s.kind === 'notes' ? controller.scene.notes.get([...s.ids][0]!)?.stageId : undefined;
    const i = controller.scene.stages.findIndex((x) => x.id === stageId);
    return i >= 0 ? i + 1 : controller.scene.stages.length;
  };
  const laneIndexAfterSelection = () => {
    const s = sel();
    const laneId = s.kind === 'lane' ? s.id : s.kind === 'cell' ? s.laneId : s.kind === 'notes' ? controller.scene.notes.get([...s.ids][0]!)?.laneId : undefined;
    const i = controller.scene.lanes.findIndex((x) => x.id === laneId);
    return i >= 0 ? i + 1 : controller.scene.lanes.length;
  };
  /** A new stage or lane is named right away: its title editor opens once it is on the map. */
  const addStage = async () => {
    const id = await actions.addStage('New stage', stageIndexAfterSelection());
    if (!id) return;
    controller.whenMap(() => {
      if (!controller.scene.stageTitles.has(id)) return false;
      controller.select({ kind: 'stage', id });
      controller.openEditor({ kind: 'stage-title', id });
      return true;
    });
  };
  const addLane = async (kind: LaneKind) => {
    const title = kind === 'emotion' ? 'Emotions' : kind === 'touchpoints' ? 'Touchpoints' : 'New lane';
    const id = await actions.addLane(title, kind, laneIndexAfterSelection());
    if (!id) return;
    controller.whenMap(() => {
      if (!controller.scene.laneTitles.has(id)) return false;
      controller.select({ kind: 'lane', id });
      controller.openEditor({ kind: 'lane-title', id });
      return true;
    });
  };

  // Typing first: the `?` list opens with how typing works.
  const commands: Command[] = [
    ...TYPING_HELP,
    { id: 'map.emotion.up', label: 'Emotion lane: happier', group: 'Emotions', keys: ['+'], enabled: () => editable() && emotionCell() !== null, run: () => scoreSelected(controller, actions, { delta: 1 }) },
    { id: 'map.emotion.down', label: 'Emotion lane: less happy', group: 'Emotions', keys: ['−'], enabled: () => editable() && emotionCell() !== null, run: () => scoreSelected(controller, actions, { delta: -1 }) },
    { id: 'map.emotion.set', label: 'Emotion lane: set the score, from 1 very negative to 5 very positive', group: 'Emotions', keys: ['1 … 5'], run: () => {} },
    { id: 'map.emotion.explain', label: 'Emotion lane: type to explain the score', group: 'Emotions', keys: ['any character'], run: () => {} },
    { id: 'map.addStage', label: 'Add a stage', group: 'Stages and lanes', shortcuts: ['Alt+S'], enabled: editable, run: () => void addStage() },
    { id: 'map.addLane.notes', label: 'Add a lane of notes', group: 'Stages and lanes', shortcuts: ['Alt+L'], enabled: editable, run: () => void addLane('notes') },
    { id: 'map.addLane.touchpoints', label: 'Add a touchpoints lane', group: 'Stages and lanes', enabled: editable, run: () => void addLane('touchpoints') },
    { id: 'map.addLane.emotion', label: 'Add an emotion lane', group: 'Stages and lanes', enabled: editable, run: () => void addLane('emotion') },
    { id: 'map.open', label: 'Add a note to the cell / edit the note / rename', group: 'Map', shortcuts: ['Enter', 'F2'], enabled: () => editable() && sel().kind !== 'none', run: open },
    { id: 'map.note.new', label: 'New note after the selected note, or in the selected cell', group: 'Map', shortcuts: ['CmdOrCtrl+Enter'], enabled: () => editable() && (sel().kind === 'cell' || hasNotes()), run: newNote },
    { id: 'map.delete', label: 'Delete the selected notes, stage or lane', group: 'Map', shortcuts: ['Delete', 'Backspace'], enabled: () => editable() && (hasNotes() || sel().kind === 'stage' || sel().kind === 'lane' || emotionCell() !== null), run: () => {
      const s = sel();
      if (s.kind === 'stage') return actions.deleteStage(s.id);
      if (s.kind === 'lane') return actions.deleteLane(s.id);
      const e = emotionCell();
      if (e) return void actions.setEmotion(e.laneId, e.stageId, null);
      const ids = noteIds();
      void actions.deleteNotes(ids);
      controller.announce(`${plural(ids.length, 'note')} deleted`);
    } },
    { id: 'map.duplicate', label: 'Duplicate the selected notes', group: 'Map', shortcuts: ['CmdOrCtrl+D'], enabled: () => editable() && hasNotes(), run: () => void actions.duplicateNotes(noteIds()).then((ids) => ids && controller.selectNotes(ids)) },
    { id: 'map.selectAll', label: 'Select all notes', group: 'Map', shortcuts: ['CmdOrCtrl+A'], enabled: editable, run: () => controller.selectNotes(controller.scene.layout.noteList.map((n) => n.id)) },
    { id: 'map.deselect', label: 'Clear the selection', group: 'Map', shortcuts: ['Escape'], enabled: () => editable() && sel().kind !== 'none', run: () => controller.select({ kind: 'none' }) },
    { id: 'map.left', label: 'Select to the left', group: 'Move around', shortcuts: ['Left'], enabled: editable, run: () => go('left') },
    { id: 'map.right', label: 'Select to the right', group: 'Move around', shortcuts: ['Right'], enabled: editable, run: () => go('right') },
    { id: 'map.up', label: 'Select above', group: 'Move around', shortcuts: ['Up'], enabled: editable, run: () => go('up') },
    { id: 'map.down', label: 'Select below', group: 'Move around', shortcuts: ['Down'], enabled: editable, run: () => go('down') },
    { id: 'map.zoomIn', label: 'Zoom in', group: 'View', shortcuts: ['=', 'Shift+=', 'Plus'], run: () => controller.zoomBy(1.25) },
    { id: 'map.zoomOut', label: 'Zoom out', group: 'View', shortcuts: ['-'], run: () => controller.zoomBy(0.8) },
    { id: 'map.zoomFit', label: 'Zoom to fit the whole map', group: 'View', shortcuts: ['Shift+1'], run: () => controller.zoomToFit() },
    {
      id: 'map.zoomStage',
      label: 'Zoom to the selected stage',
      group: 'View',
      shortcuts: ['Shift+2'],
      run: () => {
        const s = sel();
        const stageId = s.kind === 'stage' ? s.id : s.kind === 'cell' ? s.stageId : s.kind === 'notes' ? controller.scene.notes.get([...s.ids][0]!)?.stageId : controller.scene.stages[0]?.id;
        if (stageId) controller.zoomToStage(stageId);
      },
    },
    ...NOTE_COLORS.map((color, i) => ({
      id: `map.color.${color}`,
      label: `Colour the selected notes ${color}`,
      group: 'Colour and tags',
      shortcuts: [`Alt+${i + 1}`],
      enabled: () => editable() && hasNotes(),
      run: () => {
        const ids = noteIds();
        void actions.updateNotes(ids, { color });
        controller.announce(`${plural(ids.length, 'note')} coloured ${color}`);
      },
    })),
    // Voting (while a round is open and its panel is shown): the keyboard's way to a click on a note.
    { id: 'map.vote.add', label: 'Add a vote to the selected notes (while voting)', group: 'Voting', shortcuts: ['Alt+V'], enabled: () => editable() && voting() && hasNotes(), run: () => controller.voteOn(noteIds(), false) },
    { id: 'map.vote.takeBack', label: 'Take back a vote from the selected notes (while voting)', group: 'Voting', shortcuts: ['Alt+Shift+V'], enabled: () => editable() && voting() && hasNotes(), run: () => controller.voteOn(noteIds(), true) },
    ...NOTE_TAGS.map((tag) => ({
      id: `map.tag.${tag}`,
      label: `Tag or untag as ${NOTE_TAG_LABELS[tag].toLowerCase()}`,
      group: 'Colour and tags',
      shortcuts: [`Alt+${TAG_KEYS[tag]}`],
      enabled: () => editable() && hasNotes(),
      run: () => toggleTag(tag),
    })),
  ];
  return commands;
}

export function useCanvasCommands(controller: CanvasController, actions: MapActions, focusCanvas: () => void) {
  useRegisterCommands(canvasCommands(controller, actions, focusCanvas));
}
