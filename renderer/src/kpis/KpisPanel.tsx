/**
 * The KPI table of the project, beside the map: every KPI on a stage or a touchpoint note with its
 * target, actual and status; sortable by any column, filtered by stage and status, edited in place
 * (name, target, actual: saved on Enter or when the field is left), exported as CSV. "Add KPI"
 * puts a new one on a stage or a touchpoint. Every change is an undoable edit.
 */
import { useId, useMemo, useState } from 'react';
import type { Kpi, ProjectMap } from '../../../shared/api/schemas';
import {
  KPI_DIRECTION_LABELS,
  KPI_STATUSES,
  KPI_STATUS_LABELS,
  filterKpiRows,
  formatKpiNumber,
  kpiCsv,
  kpiRows,
  parseKpiNumber,
  sortKpiRows,
  type KpiDirection,
  type KpiRow,
  type KpiSortKey,
  type KpiStatus,
} from '../../../shared/domain/kpi';
import type { History } from '../commands/history';
import type { MapStore } from '../map/store';
import { SidePanel } from '../ui/SidePanel';
import { saveFile } from '../util/download';
import { newId } from '../util/ids';
import * as edits from '../personas/edits';

const COLUMNS: [KpiSortKey, string][] = [
  ['stage', 'Stage'],
  ['name', 'KPI'],
  ['target', 'Target'],
  ['actual', 'Actual'],
  ['status', 'Status'],
];

export function KpisPanel({ store, map, history, onClose }: { store: MapStore; map: ProjectMap; history: History; onClose(): void }) {
  const id = useId();
  const [sort, setSort] = useState<{ key: KpiSortKey; desc: boolean }>({ key: 'stage', desc: false });
  const [stageFilter, setStageFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState<KpiStatus | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const stages = useMemo(() => [...map.stages].sort((a, b) => a.position - b.position), [map.stages]);
  const all = useMemo(() => kpiRows(map.kpis, stages, map.notes), [map.kpis, stages, map.notes]);
  const rows = sortKpiRows(filterKpiRows(all, { stageId: stageFilter || null, status: statusFilter || null }), sort.key, sort.desc);
  const byId = new Map(map.kpis.map((k) => [k.id, k]));

  const update = (row: KpiRow, patch: Partial<Pick<Kpi, 'name' | 'target' | 'actual' | 'direction'>>) => {
    const before = byId.get(row.id);
    if (before) void history.run(edits.updateKpiEdit(store, before, patch));
  };
  const exportCsv = () => saveFile(`${map.project.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'project'} KPIs.csv`, kpiCsv(rows), 'text/csv;charset=utf-8');

  return (
    <SidePanel title="KPIs" closeLabel="Close KPIs" onClose={onClose} className="kpis-panel" testId="kpis-panel">
      <AddKpi store={store} map={map} history={history} onProblem={setProblem} />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="kpi-filters">
        <label htmlFor={`${id}-stage`}>Stage</label>
        <select id={`${id}-stage`} value={stageFilter} onChange={(e) => setStageFilter(e.target.value)}>
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as KpiStatus | '')}>
          <option value="">Any status</option>
          {KPI_STATUSES.map((s) => (
            <option key={s} value={s}>
              {KPI_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      {all.length === 0 ? (
        <p className="muted">No KPIs yet. Add one to a stage or to a touchpoint: a target, and the actual once it is measured.</p>
      ) : (
        <table className="kpi-table" data-testid="kpi-table">
          <caption className="visually-hidden">KPIs of this project, {rows.length} shown</caption>
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="kpi-sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
                    {label}
                    <span aria-hidden="true">{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td>
                  {r.stageTitle}
                  {r.noteText !== null && <span className="kpi-on">on “{r.noteText.length > 40 ? `${r.noteText.slice(0, 39)}…` : r.noteText}”</span>}
                </td>
                <td>
                  <CellInput label={`Name of KPI ${r.name}`} value={r.name} onCommit={(v) => (v.trim() ? (update(r, { name: v.trim() }), null) : 'A KPI needs a name.')} />
                  <span className="kpi-better">{r.direction === 'lower' ? 'lower is better' : 'higher is better'}</span>
                </td>
                <td>
                  <NumberCell label={`Target of ${r.name}`} value={r.target} unit={r.unit} onCommit={(v) => update(r, { target: v })} onProblem={setProblem} />
                </td>
                <td>
                  <NumberCell label={`Actual of ${r.name}`} value={r.actual} unit={r.unit} onCommit={(v) => update(r, { actual: v })} onProblem={setProblem} />
                </td>
                <td>
                  <span className={`kpi-badge kpi-badge-${r.status}`}>{KPI_STATUS_LABELS[r.status]}</span>
                </td>
                <td>
                  <button type="button" className="icon-button icon-button-small" aria-label={`Delete KPI ${r.name}`} onClick={() => void history.run(edits.deleteKpiEdit(store, r.id))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SidePanel>
  );
}

function CellInput({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): string | null }) {
  return (
    <input
      key={value}
      className="kpi-cell"
      aria-label={label}
      defaultValue={value}
      maxLength={200}
      onBlur={(e) => {
        if (e.target.value === value) return;
        if (onCommit(e.target.value) !== null) e.target.value = value;
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          e.currentTarget.value = value;
          e.currentTarget.blur();
        }
      }}
    />
  );
}

function NumberCell({ label, value, unit, onCommit, onProblem }: { label: string; value: number | null; unit: string; onCommit(v: number | null): void; onProblem(m: string | null): void }) {
  const shown = formatKpiNumber(value);
  return (
    <span className="kpi-number">
      <input
        key={shown}
        className="kpi-cell kpi-cell-number"
        aria-label={label}
        inputMode="decimal"
        defaultValue={shown}
        onBlur={(e) => {
          if (e.target.value.trim() === shown) return;
          const parsed = parseKpiNumber(e.target.value);
          if (!parsed.ok) {
            onProblem(`${label}: ${parsed.message}. Nothing was changed.`);
            e.target.value = shown;
            return;
          }
          onProblem(null);
          onCommit(parsed.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            e.currentTarget.value = shown;
            e.currentTarget.blur();
          }
        }}
      />
      {unit && <span className="kpi-unit">{unit}</span>}
    </span>
  );
}

/** The form that adds a KPI: where (a stage or a touchpoint), name, unit, target, actual, which way is better. */
function AddKpi({ store, map, history, onProblem }: { store: MapStore; map: ProjectMap; history: History; onProblem(m: string | null): void }) {
  const id = useId();
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  const touchLanes = new Set(map.lanes.filter((l) => l.kind === 'touchpoints').map((l) => l.id));
  const touchpoints = map.notes.filter((n) => touchLanes.has(n.laneId));
  const [place, setPlace] = useState(stages[0] ? `stage:${stages[0].id}` : '');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState('');
  const [actual, setActual] = useState('');
  const [direction, setDirection] = useState<KpiDirection>('higher');

  const add = () => {
    if (!name.trim()) return onProblem('A KPI needs a name.');
    const t = parseKpiNumber(target);
    const a = parseKpiNumber(actual);
    if (!t.ok) return onProblem(`Target: ${t.message}.`);
    if (!a.ok) return onProblem(`Actual: ${a.message}.`);
    if ([...unit.trim()].length > 20) return onProblem('The unit may be at most 20 characters.');
    const [kind, ref] = place.split(':') as ['stage' | 'note', string];
    onProblem(null);
    const kpi: Kpi = {
      id: newId(),
      stageId: kind === 'stage' ? ref : null,
      noteId: kind === 'note' ? ref : null,
      name: name.trim(),
      unit: unit.trim(),
      target: t.value,
      actual: a.value,
      direction,
      note: '',
      position: map.kpis.length,
    };
    void history.run(edits.addKpiEdit(store, kpi)).then((ok) => {
      if (ok) {
        setName('');
        setTarget('');
        setActual('');
      }
    });
  };

  return (
    <form
      className="kpi-add"
      aria-label="Add a KPI"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label htmlFor={`${id}-place`}>On</label>
      <select id={`${id}-place`} value={place} onChange={(e) => setPlace(e.target.value)}>
        <optgroup label="Stages">
          {stages.map((s) => (
            <option key={s.id} value={`stage:${s.id}`}>
              {s.title}
            </option>
          ))}
        </optgroup>
        {touchpoints.length > 0 && (
          <optgroup label="Touchpoints">
            {touchpoints.map((n) => (
              <option key={n.id} value={`note:${n.id}`}>
                {(map.stages.find((s) => s.id === n.stageId)?.title ?? '') + ': ' + (n.text.length > 50 ? `${n.text.slice(0, 49)}…` : n.text || '(empty note)')}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <label htmlFor={`${id}-name`}>KPI</label>
      <input id={`${id}-name`} value={name} maxLength={200} placeholder="e.g. Response time" onChange={(e) => setName(e.target.value)} />
      <div className="kpi-add-row">
        <span>
          <label htmlFor={`${id}-unit`}>Unit</label>
          <input id={`${id}-unit`} value={unit} size={6} onChange={(e) => setUnit(e.target.value)} />
        </span>
        <span>
          <label htmlFor={`${id}-target`}>Target</label>
          <input id={`${id}-target`} value={target} size={6} inputMode="decimal" onChange={(e) => setTarget(e.target.value)} />
        </span>
        <span>
          <label htmlFor={`${id}-actual`}>Actual</label>
          <input id={`${id}-actual`} value={actual} size={6} inputMode="decimal" onChange={(e) => setActual(e.target.value)} />
        </span>
      </div>
      <label htmlFor={`${id}-dir`}>Better</label>
      <select id={`${id}-dir`} value={direction} onChange={(e) => setDirection(e.target.value as KpiDirection)}>
        {(['higher', 'lower'] as const).map((d) => (
          <option key={d} value={d}>
            {KPI_DIRECTION_LABELS[d]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small button-primary">
        Add KPI
      </button>
    </form>
  );
}
