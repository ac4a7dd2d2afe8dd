/**
 * "Export PNG": a picture of the map for slides — the whole map or the view on screen, at 1×,
 * 2× or 3× — drawn on this computer and handed over as a download (the save dialog in the
 * desktop app). The dialog says the picture's size in pixels before it is made.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProjectMap } from '../../../shared/api/schemas';
import { PNG_SCALES, pngFileName, type PngRegion, type PngScale } from '../../../shared/domain/png-size';
import type { CanvasController } from '../canvas/controller';
import { buildScene, createWrapCache } from '../canvas/scene';
import { Dialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';
import { saveFile } from '../util/download';
import { plannedPng, renderPng, type PngSource } from './png';
import '../styles/report.css';
import '../styles/present.css';

const STORAGE_KEY = 'journeywall:png-options';

export function PngTools({ map, canvas }: { map: ProjectMap; canvas: RefObject<CanvasController | null> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" data-testid="png-button" aria-haspopup="dialog" title="Save a picture of the map (PNG) for slides" onClick={() => setOpen(true)}>
        Export PNG
      </button>
      {open && <PngDialog map={map} canvas={canvas.current} onClose={() => setOpen(false)} />}
    </>
  );
}

function loadChoices(): { region: PngRegion; scale: PngScale } {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { region?: unknown; scale?: unknown } | null;
    return { region: saved?.region === 'view' ? 'view' : 'map', scale: PNG_SCALES.find((s) => s === saved?.scale) ?? 2 };
  } catch {
    return { region: 'map', scale: 2 };
  }
}

function PngDialog({ map, canvas, onClose }: { map: ProjectMap; canvas: CanvasController | null; onClose(): void }) {
  const toasts = useToasts();
  const [choices, setChoices] = useState(loadChoices);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const saveRef = useRef<HTMLButtonElement>(null);
  const sizeId = useId();
  // What the canvas shows now (the outline shows no view: then only the whole map).
  const source = useMemo<PngSource>(
    () =>
      canvas
        ? { scene: canvas.scene, view: { camera: canvas.camera, width: canvas.width, height: canvas.height }, votes: canvas.getVotes()?.counts ?? null }
        : { scene: buildScene(map, createWrapCache()), view: null, votes: null },
    [canvas, map],
  );
  const region: PngRegion = source.view ? choices.region : 'map';
  const size = plannedPng(source, region, choices.scale);

  useEffect(() => saveRef.current?.focus(), []);

  const choose = (next: Partial<typeof choices>) => {
    const value = { ...choices, ...next };
    setChoices(value);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // not remembered; no harm
    }
  };

  const save = async () => {
    setStatus({ kind: 'busy' });
    try {
      const { blob, size: made } = await renderPng(source, region, choices.scale);
      const name = pngFileName(map.project.title, region, Math.round(made.scale * 100) / 100);
      saveFile(name, blob, 'image/png');
      onClose();
      toasts.notify({ kind: 'info', title: 'Picture saved', message: `${name} (${made.width} × ${made.height} pixels)` });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = status.kind === 'busy';
  return (
    <Dialog title="Export a picture (PNG)" onClose={onClose} className="report-dialog" testId="png-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') e.stopPropagation();
        }}
      >
        <p className="dialog-message report-intro">A picture of the map for slides or a document, with the votes of the round shown. Made on this computer; nothing is sent anywhere.</p>
        <fieldset className="report-choice" disabled={busy}>
          <legend>What</legend>
          <div className="report-options">
            <Option name="png-region" checked={region === 'map'} onChange={() => choose({ region: 'map' })} label="The whole map" hint="Every stage and lane, at full size" />
            <Option
              name="png-region"
              checked={region === 'view'}
              disabled={!source.view}
              onChange={() => choose({ region: 'view' })}
              label="What is on screen"
              hint={source.view ? 'The canvas as you see it now' : 'Switch to the canvas view for this'}
            />
          </div>
        </fieldset>
        <fieldset className="report-choice" disabled={busy}>
          <legend>Sharpness</legend>
          <div className="report-options png-scales">
            {PNG_SCALES.map((s) => (
              <Option key={s} name="png-scale" checked={choices.scale === s} onChange={() => choose({ scale: s })} label={`${s}×`} hint={s === 1 ? 'Smallest file' : s === 2 ? 'Sharp on a projector or a slide' : 'Sharp in print'} />
            ))}
          </div>
        </fieldset>
        <p id={sizeId} className="report-status" data-testid="png-size" role="status" aria-live="polite">
          {size.width.toLocaleString('en')} × {size.height.toLocaleString('en')} pixels
          {size.reduced && ` — the largest picture this computer can draw (${Math.round(size.scale * 10) / 10}×)`}
        </p>
        {status.kind === 'failed' && (
          <p className="form-error" role="alert">
            The picture could not be made: {status.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button ref={saveRef} type="submit" className="button button-primary" disabled={busy} aria-describedby={sizeId} data-testid="png-save">
            {busy ? 'Drawing…' : 'Save PNG'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Option({ name, checked, disabled, onChange, label, hint }: { name: string; checked: boolean; disabled?: boolean; onChange(): void; label: string; hint: string }) {
  return (
    <label className={`choice-card report-option${checked ? ' choice-card-selected' : ''}`}>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} />
      <span className="report-option-label">{label}</span>
      <span className="report-option-hint">{hint}</span>
    </label>
  );
}
