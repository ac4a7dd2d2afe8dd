/** Stage headers (columns) and lane titles (rows) of the HTML map, renamable in place. */
import { useRef, useState } from 'react';
import type { Lane, Stage } from '../../../shared/api/schemas';
import { LANE_KINDS, type LaneKind } from '../../../shared/domain/model';
import { InlineTextInput } from '../ui/InlineTextInput';
import { PencilIcon, PlusIcon, TrashIcon } from '../ui/Icons';

const KIND_LABELS: Record<LaneKind, string> = { notes: 'Notes', touchpoints: 'Touchpoints', emotion: 'Emotion' };

function useRenaming() {
  const [renaming, setRenaming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const stop = (refocus: boolean) => {
    setRenaming(false);
    if (refocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };
  return { renaming, start: () => setRenaming(true), stop, buttonRef };
}

export function StageHeader({ stage, onRename, onDelete }: { stage: Stage; onRename(title: string): void; onDelete(): void }) {
  const r = useRenaming();
  return (
    <div className="stage-header" data-testid="stage-header" data-stage-id={stage.id}>
      <div className="header-line">
        {r.renaming ? (
          <InlineTextInput
            label="Stage title"
            initial={stage.title}
            className="header-input"
            onSave={(title, byKey) => {
              onRename(title);
              r.stop(byKey);
            }}
            onCancel={(byKey) => r.stop(byKey)}
          />
        ) : (
          <h2 className="stage-title" onDoubleClick={r.start}>
            {stage.title}
          </h2>
        )}
        <div className="header-tools">
          <button ref={r.buttonRef} type="button" className="icon-button" aria-label={`Rename stage ${stage.title}`} title="Rename" onClick={r.start}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete stage ${stage.title}`} title="Delete stage" onClick={onDelete}>
            <TrashIcon />
          </button>
        </div>
      </div>
      {stage.prompt && <p className="header-prompt">{stage.prompt}</p>}
    </div>
  );
}

export function LaneHeader({ lane, onRename, onDelete }: { lane: Lane; onRename(title: string): void; onDelete(): void }) {
  const r = useRenaming();
  return (
    <div className={`lane-header lane-${lane.kind}`} data-testid="lane-header" data-lane-id={lane.id}>
      <div className="header-line">
        {r.renaming ? (
          <InlineTextInput
            label="Lane title"
            initial={lane.title}
            className="header-input"
            onSave={(title, byKey) => {
              onRename(title);
              r.stop(byKey);
            }}
            onCancel={(byKey) => r.stop(byKey)}
          />
        ) : (
          <h3 className="lane-title" onDoubleClick={r.start}>
            {lane.title}
          </h3>
        )}
        <div className="header-tools">
          <button ref={r.buttonRef} type="button" className="icon-button" aria-label={`Rename lane ${lane.title}`} title="Rename" onClick={r.start}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete lane ${lane.title}`} title="Delete lane" onClick={onDelete}>
            <TrashIcon />
          </button>
        </div>
      </div>
      {lane.kind !== 'notes' && !lane.title.toLowerCase().startsWith(KIND_LABELS[lane.kind].toLowerCase()) && <span className={`kind-badge kind-${lane.kind}`}>{KIND_LABELS[lane.kind]}</span>}
      {lane.prompt && <p className="header-prompt">{lane.prompt}</p>}
    </div>
  );
}

export function AddStage({ onAdd }: { onAdd(title: string): void }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };
  return (
    <div className="add-stage">
      {open ? (
        <InlineTextInput
          label="New stage title"
          placeholder="Stage title"
          className="header-input"
          onSave={(title, byKey) => {
            onAdd(title);
            close(byKey);
          }}
          onCancel={(byKey) => close(byKey)}
        />
      ) : (
        <button ref={buttonRef} type="button" className="button button-dashed" onClick={() => setOpen(true)}>
          <PlusIcon /> Add stage
        </button>
      )}
    </div>
  );
}

export function AddLane({ onAdd }: { onAdd(title: string, kind: LaneKind): void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<LaneKind>('notes');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setTitle('');
    setKind('notes');
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  if (!open) {
    return (
      <button ref={buttonRef} type="button" className="button button-dashed" onClick={() => setOpen(true)}>
        <PlusIcon /> Add lane
      </button>
    );
  }
  return (
    <form
      className="add-lane-form"
      aria-label="New lane"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() === '') return;
        onAdd(title.trim(), kind);
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <label className="field-inline">
        <span>Lane title</span>
        <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Thoughts" />
      </label>
      <label className="field-inline">
        <span>Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as LaneKind)}>
          {LANE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={title.trim() === ''}>
        Add lane
      </button>
      <button type="button" className="button" onClick={close}>
        Cancel
      </button>
    </form>
  );
}
