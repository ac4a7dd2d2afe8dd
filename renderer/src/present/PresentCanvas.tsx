/**
 * The map as the room sees it: the same drawing as the editing canvas (CanvasController and its
 * layers), read-only, with no toolbar, editor, selection or hover, its view set from outside to
 * one presentation step (shared/domain/present-steps.ts). The facilitator's presentation and the
 * projector window both show this.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Konva from 'konva/lib/Core.js';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore.js';
import type { ProjectMap } from '../../../shared/api/schemas';
import { matchStep, presentSteps, veil, type PresentStep } from '../../../shared/domain/present-steps';
import type { LiveMap } from '../canvas/MapCanvas';
import { CanvasController } from '../canvas/controller';
import { createWrapCache } from '../canvas/scene';
import type { VoteMarks } from '../voting/marks';
import { READ_ONLY_ACTIONS } from './readOnlyActions';
import { useRoomCanvas } from '../room/canvasRoom';

type DrawContext = { _context: CanvasRenderingContext2D };

/** A step by its place in this screen's list, or what another screen shows (matched here). */
export type StepRef = number | { stageId: string | null; part: number; parts: number };

export interface PresentCanvasProps {
  map: ProjectMap;
  /** The map as it changes (the map store), when there is one. */
  live?: LiveMap | undefined;
  votes: VoteMarks | null;
  at: StepRef;
  /** This screen's steps, each time they change (a new map, a new size). */
  onSteps?(steps: PresentStep[]): void;
  /** What the canvas shows, in words (its accessible name). */
  label: string;
}

export function PresentCanvas({ map, live, votes, at, onSteps, label }: PresentCanvasProps) {
  const controller = useMemo(() => {
    Konva.autoDrawEnabled = false;
    const c = new CanvasController(map, createWrapCache(), READ_ONLY_ACTIONS);
    c.readOnly = true;
    return c;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const sceneRef = useRef<Konva.Layer>(null);
  const overlayRef = useRef<Konva.Layer>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [layout, setLayout] = useState(() => controller.scene.layout);

  // The map: laid out at once (a presentation redraws rarely), and the steps follow its layout.
  useLayoutEffect(() => {
    const follow = () => {
      controller.setMap(live ? live.getState().map : map);
      setLayout(controller.scene.layout);
    };
    follow();
    return live?.subscribe(follow);
  }, [controller, live, map]);

  useLayoutEffect(() => {
    const el = containerRef.current!;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const ready = size.width > 0 && size.height > 0;
  useEffect(() => {
    if (!ready) return;
    controller.resize(size.width, size.height);
    controller.attach(stageRef.current!, { scene: sceneRef.current!, overlay: overlayRef.current! });
    return () => controller.detach();
  }, [controller, ready]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (ready) controller.resize(size.width, size.height);
  }, [controller, ready, size.width, size.height]);

  useEffect(() => {
    controller.setVotes(votes);
  }, [controller, votes]);
  const room = useRoomCanvas(map.project.id);
  useEffect(() => room.attach(controller), [room, controller]);

  const steps = useMemo(() => presentSteps(layout, size, { fontSize: layout.metrics.fontSize }), [layout, size]);
  useEffect(() => onSteps?.(steps), [steps, onSteps]);
  const index = typeof at === 'number' ? Math.max(0, Math.min(at, steps.length - 1)) : matchStep(steps, at);
  const step = steps[index]!;
  useEffect(() => {
    if (ready) controller.setCamera(step.camera);
  }, [controller, ready, step]);

  // For tests: what is shown (window.__journeywallPresent).
  useEffect(() => {
    const w = window as unknown as { __journeywallPresent?: { controller: CanvasController; step: PresentStep; steps: PresentStep[] } };
    w.__journeywallPresent = { controller, step, steps };
  }, [controller, step, steps]);
  useEffect(
    () => () => {
      delete (window as unknown as { __journeywallPresent?: unknown }).__journeywallPresent;
    },
    [],
  );

  // The step's stage stands out: the next stages (right) and the next part (below) are veiled.
  const v = veil(step);

  const draw = useMemo(
    () => ({
      grid: (c: unknown) => controller.drawGridLayer((c as DrawContext)._context),
      notes: (c: unknown) => controller.drawNotesLayer((c as DrawContext)._context),
      frame: (c: unknown) => controller.drawFrameLayer((c as DrawContext)._context),
    }),
    [controller],
  );

  return (
    <div className="present-canvas" ref={containerRef} role="img" aria-label={label} data-testid="present-canvas" data-step-stage={step.stageId ?? ''} data-step-part={step.part}>
      {ready && (
        <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
          <Layer ref={sceneRef} listening={false}>
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.grid} />
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.notes} />
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={draw.frame} />
          </Layer>
          <Layer ref={overlayRef} listening={false} />
        </Stage>
      )}
      {ready && v && v.right < size.width && <div className="present-veil" style={{ left: Math.max(0, v.right), top: 0, right: 0, bottom: 0 }} />}
      {ready && v && v.bottom < size.height && <div className="present-veil" style={{ left: 0, top: Math.max(0, v.bottom), width: Math.max(0, Math.min(size.width, v.right)), bottom: 0 }} />}
    </div>
  );
}
