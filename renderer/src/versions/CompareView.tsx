/**
 * A comparison of a version with the map as it is now, in the Versions panel: counts, then the
 * notes added, changed (which fields), moved (from where to where) and removed since that version,
 * then changes to stages, lanes and emotion scores. Notes still on the map can be clicked to bring
 * them into view; the map outlines them in the same colours.
 */
import type { ReactNode } from 'react';
import type { Lane, MapDiff, Note, ProjectMap, Stage } from '../../../shared/api/schemas';
import { analysisChangeLines } from '../../../shared/domain/diff-analysis';
import { roomChangeLines } from '../../../shared/domain/room-curve';
import { plural } from '../util/format';
import type { Comparison } from './useVersions';
import { FIELD_LABELS, formatMoment, MARK_COLORS, noteLine, REASON_LABELS, type MarkKind } from './words';

interface Props {
  comparison: Comparison;
  map: ProjectMap;
  busy: boolean;
  onStop(): void;
  onReveal(noteId: string): void;
  onRestore(): void;
}

type Titles = { stage(id: string): string; lane(id: string): string };

/** Stage and lane titles by id: as they are now, or as they were for those removed since. */
function titlesFor(map: ProjectMap, diff: MapDiff): Titles {
  const stages = new Map<string, Stage>([...diff.stages.removed, ...map.stages].map((s) => [s.id, s]));
  const lanes = new Map<string, Lane>([...diff.lanes.removed, ...map.lanes].map((l) => [l.id, l]));
  return { stage: (id) => stages.get(id)?.title ?? 'a removed stage', lane: (id) => lanes.get(id)?.title ?? 'a removed lane' };
}

const where = (t: Titles, n: Pick<Note, 'stageId' | 'laneId'>) => `${t.stage(n.stageId)} · ${t.lane(n.laneId)}`;

export function CompareView({ comparison, map, busy, onStop, onReveal, onRestore }: Props) {
  const { snapshot, diff, room } = comparison;
  const roomLines = roomChangeLines(room, (id) => map.stages.find((s) => s.id === id)?.title ?? 'A deleted stage');
  return (
    <section className="compare" data-testid="compare-view" aria-label={`Comparison with “${snapshot.name}”`}>
      <div className="compare-head">
        <p className="compare-kicker">Comparing the map with</p>
        <h3 className="compare-name">{snapshot.name}</h3>
        <p className="muted compare-when">
          {REASON_LABELS[snapshot.reason]} · {formatMoment(snapshot.createdAt)} · {plural(snapshot.noteCount, 'note')}
        </p>
        <div className="compare-actions">
          <button type="button" className="button button-small" onClick={onStop} data-testid="stop-comparing">
            Stop comparing
          </button>
          <button type="button" className="button button-small" onClick={onRestore} disabled={busy}>
            Restore this version…
          </button>
        </div>
      </div>
      {diff === null ? (
        <p className="muted" role="status">
          Comparing…
        </p>
      ) : diff.unchanged ? (
        <p className="compare-same" role="status" data-testid="compare-same">
          The map is the same as in this version.
        </p>
      ) : (
        <Differences diff={diff} titles={titlesFor(map, diff)} onReveal={onReveal} />
      )}
      {diff !== null && roomLines.length > 0 && (
        <section className="compare-section" data-testid="compare-room">
          <h4>The room's emotion curve</h4>
          <ul className="compare-lines">
            {roomLines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function Differences({ diff, titles, onReveal }: { diff: MapDiff; titles: Titles; onReveal(noteId: string): void }) {
  const counts: { kind: MarkKind | 'removed'; n: number; label: string }[] = [
    { kind: 'added', n: diff.added.length, label: 'added' },
    { kind: 'changed', n: diff.changed.length, label: 'changed' },
    { kind: 'moved', n: diff.moved.length, label: 'moved' },
    { kind: 'removed', n: diff.removed.length, label: 'removed' },
  ];
  const structure = structureLines(diff, titles);
  const analysis = analysisChangeLines(diff);
  return (
    <>
      <ul className="compare-counts" data-testid="compare-counts" aria-label="Notes since this version">
        {counts.map((c) => (
          <li key={c.kind} className={`compare-count compare-count-${c.kind}`} data-kind={c.kind} data-count={c.n}>
            <Swatch kind={c.kind} />
            <strong>{c.n.toLocaleString()}</strong> {c.label}
          </li>
        ))}
      </ul>
      <p className="compare-hint muted">
        {diff.added.length + diff.changed.length + diff.moved.length > 0
          ? 'On the map, added notes are outlined in green, changed ones in amber and moved ones in blue. Select a note below to show it.'
          : 'No note on the map is new, changed or moved.'}
      </p>

      <NoteSection kind="added" title="Added since this version" count={diff.added.length}>
        {diff.added.map((n) => (
          <NoteItem key={n.id} kind="added" note={n} onReveal={onReveal} detail={where(titles, n)} />
        ))}
      </NoteSection>

      <NoteSection kind="changed" title="Changed" count={diff.changed.length}>
        {diff.changed.map((c) => (
          <NoteItem
            key={c.after.id}
            kind="changed"
            note={c.after}
            onReveal={onReveal}
            detail={
              <>
                <span data-testid="compare-fields" data-fields={c.fields.join(' ')}>
                  {capitalise(c.fields.map((f) => FIELD_LABELS[f]).join(', '))} changed
                </span>
                {c.fields.includes('text') && <span className="compare-before">Was: “{noteLine(c.before, 120)}”</span>}
                <span>{where(titles, c.after)}</span>
              </>
            }
          />
        ))}
      </NoteSection>

      <NoteSection kind="moved" title="Moved" count={diff.moved.length}>
        {diff.moved.map((m) => (
          <NoteItem
            key={m.after.id}
            kind="moved"
            note={m.after}
            onReveal={onReveal}
            detail={
              m.sameCell ? (
                `New place within ${where(titles, m.after)}`
              ) : (
                <>
                  <span>From {where(titles, m.before)}</span>
                  <span>to {where(titles, m.after)}</span>
                </>
              )
            }
          />
        ))}
      </NoteSection>

      <NoteSection kind="removed" title="Removed since this version" count={diff.removed.length}>
        {diff.removed.map((n) => (
          <li key={n.id} className="compare-note compare-note-removed" data-testid="compare-note" data-note-id={n.id}>
            <Swatch kind="removed" />
            <div className="compare-note-body">
              <span className="compare-note-text">{noteLine(n)}</span>
              <span className="compare-note-detail">Was in {where(titles, n)}</span>
            </div>
          </li>
        ))}
      </NoteSection>

      {structure.length > 0 && (
        <section className="compare-section" data-testid="compare-structure">
          <h4>Stages, lanes and emotions</h4>
          <ul className="compare-lines">
            {structure.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {analysis.length > 0 && (
        <section className="compare-section" data-testid="compare-analysis">
          <h4>Personas and KPIs</h4>
          <ul className="compare-lines">
            {analysis.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function NoteSection({ kind, title, count, children }: { kind: MarkKind | 'removed'; title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="compare-section" data-testid={`compare-${kind}`}>
      <h4>
        {title} <span className="muted">({count.toLocaleString()})</span>
      </h4>
      <ul className="compare-notes">{children}</ul>
    </section>
  );
}

function NoteItem({ kind, note, detail, onReveal }: { kind: MarkKind; note: Note; detail: ReactNode; onReveal(noteId: string): void }) {
  return (
    <li className={`compare-note compare-note-${kind}`} data-testid="compare-note" data-note-id={note.id}>
      <button type="button" className="compare-note-button" onClick={() => onReveal(note.id)} title="Show this note on the map">
        <Swatch kind={kind} />
        <span className="compare-note-body">
          <span className="compare-note-text">{noteLine(note)}</span>
          <span className="compare-note-detail">{detail}</span>
        </span>
      </button>
    </li>
  );
}

function Swatch({ kind }: { kind: MarkKind | 'removed' }) {
  const color = kind === 'removed' ? undefined : MARK_COLORS[kind];
  return <span className={`compare-swatch compare-swatch-${kind}`} style={color ? { borderColor: color } : undefined} aria-hidden="true" />;
}

/** Stage, lane and emotion-score changes, one sentence each. */
function structureLines(diff: MapDiff, titles: Titles): string[] {
  const lines: string[] = [];
  const axis = (d: MapDiff['stages'] | MapDiff['lanes'], one: string, many: string) => {
    for (const x of d.added) lines.push(`${capitalise(one)} “${x.title}” added`);
    for (const x of d.removed) lines.push(`${capitalise(one)} “${x.title}” removed`);
    for (const r of d.renamed) lines.push(`${capitalise(one)} “${r.before.title}” renamed to “${r.after.title}”`);
    if (d.reordered) lines.push(`${capitalise(many)} in another order`);
  };
  axis(diff.stages, 'stage', 'stages');
  axis(diff.lanes, 'lane', 'lanes');
  const e = diff.emotions;
  const score = (s: { stageId: string; laneId: string }) => `${titles.lane(s.laneId)} at ${titles.stage(s.stageId)}`;
  for (const x of e.added) lines.push(`Emotion score set: ${score(x)}`);
  for (const x of e.changed) lines.push(`Emotion score changed: ${score(x.after)}`);
  for (const x of e.removed) lines.push(`Emotion score cleared: ${score(x)}`);
  return lines;
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
