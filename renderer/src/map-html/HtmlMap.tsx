/**
 * The map as an HTML grid (until the Konva canvas replaces it): stage headers across the top,
 * lane titles down the left, notes in cells. Keyboard first: every cell has an add button, every
 * note is focusable (Enter edits, Delete deletes, M moves), and notes can also be dragged.
 */
import { Fragment, useMemo, useState, type DragEvent } from 'react';
import type { Lane, Note, Stage } from '../../../shared/api/schemas';
import { NOTE_COLOR_FILLS } from '../../../shared/domain/model';
import { useRegisterCommands } from '../commands/CommandsContext';
import { cellKey, notesByCell, sortedLanes, sortedStages } from '../map/model';
import { holdsNotes, type MapViewProps } from '../map/view';
import { PlusIcon } from '../ui/Icons';
import { AddLane, AddStage, LaneHeader, StageHeader } from './Headers';
import { NOTE_DRAG_TYPE, NoteCard } from './NoteCard';
import { NoteComposer } from './NoteComposer';

interface Cell {
  stageId: string;
  laneId: string;
}

const cellLabel = (stage: Stage, lane: Lane) => `${stage.title}, ${lane.title}`;

/** Focus an element of the map once React has drawn it. */
function focusLater(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
const noteSelector = (id: string) => `[data-testid="note"][data-note-id="${CSS.escape(id)}"]`;
const addButtonSelector = (c: Cell) => `[data-testid="cell"][data-stage-id="${CSS.escape(c.stageId)}"][data-lane-id="${CSS.escape(c.laneId)}"] [data-testid="add-note"]`;

/** The note that has the keyboard focus itself (not one of its buttons or its editor). */
function focusedNoteId(): string | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el.dataset.testid === 'note' ? (el.dataset.noteId ?? null) : null;
}

export function HtmlMap({ map, actions }: MapViewProps) {
  const stages = useMemo(() => sortedStages(map), [map]);
  const lanes = useMemo(() => sortedLanes(map), [map]);
  const cells = useMemo(() => notesByCell(map.notes), [map.notes]);
  const notesById = useMemo(() => new Map(map.notes.map((n) => [n.id, n])), [map.notes]);
  const [adding, setAdding] = useState<Cell | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [dropCell, setDropCell] = useState<string | null>(null);

  const isAdding = (c: Cell) => adding?.stageId === c.stageId && adding.laneId === c.laneId;

  const deleteNote = (note: Note) => {
    // Keep the keyboard where it was: the next note in the cell, else the previous, else the cell.
    const list = cells.get(cellKey(note.stageId, note.laneId)) ?? [];
    const i = list.findIndex((n) => n.id === note.id);
    const neighbour = list[i + 1] ?? list[i - 1];
    const hadFocus = focusedNoteId() === note.id;
    void actions.deleteNotes([note.id]);
    if (hadFocus) focusLater(neighbour ? noteSelector(neighbour.id) : addButtonSelector(note));
  };

  const focusedNote = () => {
    const id = focusedNoteId();
    return id ? (notesById.get(id) ?? null) : null;
  };
  useRegisterCommands([
    {
      id: 'note.edit',
      label: 'Edit the selected note',
      group: 'Notes',
      shortcuts: ['Enter', 'F2'],
      enabled: () => focusedNote() !== null,
      run: () => setEditingId(focusedNote()?.id ?? null),
    },
    {
      id: 'note.delete',
      label: 'Delete the selected note',
      group: 'Notes',
      shortcuts: ['Delete', 'Backspace'],
      enabled: () => focusedNote() !== null,
      run: () => {
        const note = focusedNote();
        if (note) deleteNote(note);
      },
    },
    {
      id: 'note.move',
      label: 'Move the selected note to another stage or lane',
      group: 'Notes',
      shortcuts: ['M'],
      enabled: () => focusedNote() !== null,
      run: () => setMovingId(focusedNote()?.id ?? null),
    },
    {
      id: 'note.new',
      label: 'New note in the selected note’s cell',
      group: 'Notes',
      shortcuts: ['N'],
      enabled: () => focusedNote() !== null,
      run: () => {
        const note = focusedNote();
        if (note) setAdding({ stageId: note.stageId, laneId: note.laneId });
      },
    },
  ]);

  /** Where among the cell's other notes a drop lands: before the first note whose middle is below the pointer. */
  const dropIndex = (e: DragEvent<HTMLElement>, movingNoteId: string) => {
    const others = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-testid="note"]')].filter((el) => el.dataset.noteId !== movingNoteId);
    const i = others.findIndex((el) => {
      const r = el.getBoundingClientRect();
      return e.clientY < r.top + r.height / 2;
    });
    return i === -1 ? others.length : i;
  };

  const noteLaneIds = new Set(lanes.filter((l) => holdsNotes(l.kind)).map((l) => l.id));

  return (
    <div className="map-scroll" data-testid="map">
      <div className="map-grid" style={{ gridTemplateColumns: `var(--lane-header-width) repeat(${stages.length}, var(--cell-width)) minmax(var(--add-column-width), 1fr)` }}>
        <div className="map-corner" aria-hidden="true" />
        {stages.map((stage) => (
          <StageHeader key={stage.id} stage={stage} onRename={(title) => void actions.renameStage(stage.id, title)} onDelete={() => actions.deleteStage(stage.id)} />
        ))}
        <AddStage onAdd={(title) => void actions.addStage(title)} />

        {lanes.map((lane) => (
          <Fragment key={lane.id}>
            <LaneHeader lane={lane} onRename={(title) => void actions.renameLane(lane.id, title)} onDelete={() => actions.deleteLane(lane.id)} />
            {!holdsNotes(lane.kind) ? (
              <div className="emotion-row" data-testid="emotion-row" data-lane-id={lane.id} style={{ gridColumn: `span ${Math.max(1, stages.length)}` }}>
                <span className="emotion-hint">Emotion scores come with the canvas. This lane holds no notes.</span>
              </div>
            ) : (
              stages.map((stage) => {
                const c = { stageId: stage.id, laneId: lane.id };
                const key = cellKey(stage.id, lane.id);
                const notes = cells.get(key) ?? [];
                const label = cellLabel(stage, lane);
                return (
                  <div
                    key={key}
                    className={`cell${dropCell === key ? ' cell-drop' : ''}`}
                    data-testid="cell"
                    data-stage-id={stage.id}
                    data-lane-id={lane.id}
                    role="group"
                    aria-label={label}
                    onDragOver={(e) => {
                      if (!e.dataTransfer.types.includes(NOTE_DRAG_TYPE)) return;
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                      if (dropCell !== key) setDropCell(key);
                    }}
                    onDragLeave={(e) => {
                      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDropCell((k) => (k === key ? null : k));
                    }}
                    onDrop={(e) => {
                      const id = e.dataTransfer.getData(NOTE_DRAG_TYPE);
                      setDropCell(null);
                      setDraggingId(null);
                      const note = notesById.get(id);
                      if (!note || !noteLaneIds.has(lane.id)) return;
                      e.preventDefault();
                      const index = dropIndex(e, id);
                      if (note.stageId === stage.id && note.laneId === lane.id && note.position === index) return;
                      void actions.moveNote(id, stage.id, lane.id, index);
                    }}
                  >
                    {notes.length > 0 && (
                      <ol className="cell-notes">
                        {notes.map((note) => (
                          <li key={note.id}>
                            <NoteCard
                              note={note}
                              stages={stages}
                              lanes={lanes}
                              editing={editingId === note.id}
                              moving={movingId === note.id}
                              dragging={draggingId === note.id}
                              onStartEdit={() => {
                                setMovingId(null);
                                setEditingId(note.id);
                              }}
                              onEndEdit={(text, refocus) => {
                                setEditingId((id) => (id === note.id ? null : id));
                                if (text !== null) void actions.editNoteText(note.id, text);
                                if (refocus) focusLater(noteSelector(note.id));
                              }}
                              onDelete={() => deleteNote(note)}
                              onStartMove={() => {
                                setEditingId(null);
                                setMovingId(note.id);
                              }}
                              onEndMove={(target) => {
                                setMovingId(null);
                                if (target) void actions.moveNote(note.id, target.stageId, target.laneId);
                                focusLater(noteSelector(note.id));
                              }}
                              onDragStart={() => setDraggingId(note.id)}
                              onDragEnd={() => {
                                setDraggingId(null);
                                setDropCell(null);
                              }}
                            />
                          </li>
                        ))}
                      </ol>
                    )}
                    {isAdding(c) ? (
                      <NoteComposer
                        key={key}
                        cellLabel={label}
                        fill={NOTE_COLOR_FILLS[lane.color]}
                        onSubmit={(text) => actions.addNote(stage.id, lane.id, text)}
                        onClose={(refocus) => {
                          setAdding((a) => (a && a.stageId === c.stageId && a.laneId === c.laneId ? null : a));
                          if (refocus) focusLater(addButtonSelector(c));
                        }}
                        onTab={(direction) => {
                          const i = stages.findIndex((s) => s.id === stage.id);
                          const next = stages[i + direction];
                          if (next) setAdding({ stageId: next.id, laneId: lane.id });
                        }}
                      />
                    ) : (
                      <button type="button" className="cell-add" data-testid="add-note" aria-label={`Add a note to ${label}`} onClick={() => setAdding(c)}>
                        <PlusIcon />
                        <span className="cell-add-text">Note</span>
                      </button>
                    )}
                  </div>
                );
              })
            )}
            <div className="map-filler" aria-hidden="true" />
          </Fragment>
        ))}
        <div className="add-lane">
          <AddLane onAdd={(title, kind) => void actions.addLane(title, kind)} />
        </div>
      </div>
    </div>
  );
}
