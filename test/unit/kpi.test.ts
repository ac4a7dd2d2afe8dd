/** KPI status, table rows, sorting, filtering and CSV: pure functions. */
import { describe, expect, it } from 'vitest';
import { filterKpiRows, kpiCsv, kpiRows, kpiStatus, parseKpiNumber, sortKpiRows, type KpiLike } from '../../shared/domain/kpi';

describe('kpiStatus', () => {
  it('is met or missed against the target, in both directions, equal to the target counting as met', () => {
    expect(kpiStatus({ target: 80, actual: 85, direction: 'higher' })).toBe('met');
    expect(kpiStatus({ target: 80, actual: 79.9, direction: 'higher' })).toBe('missed');
    expect(kpiStatus({ target: 80, actual: 80, direction: 'higher' })).toBe('met');
    expect(kpiStatus({ target: 5, actual: 4, direction: 'lower' })).toBe('met');
    expect(kpiStatus({ target: 5, actual: 6, direction: 'lower' })).toBe('missed');
    expect(kpiStatus({ target: 5, actual: 5, direction: 'lower' })).toBe('met');
    expect(kpiStatus({ target: -2, actual: -3, direction: 'lower' })).toBe('met');
  });
  it('has nothing to judge without an actual or a target', () => {
    expect(kpiStatus({ target: 80, actual: null, direction: 'higher' })).toBe('no-actual');
    expect(kpiStatus({ target: null, actual: null, direction: 'lower' })).toBe('no-actual');
    expect(kpiStatus({ target: null, actual: 3, direction: 'higher' })).toBe('no-target');
  });
});

describe('parseKpiNumber', () => {
  it('reads numbers as people type them, and says when text is not one', () => {
    expect(parseKpiNumber(' 4.5 ')).toEqual({ ok: true, value: 4.5 });
    expect(parseKpiNumber('4,5')).toEqual({ ok: true, value: 4.5 });
    expect(parseKpiNumber('-12')).toEqual({ ok: true, value: -12 });
    expect(parseKpiNumber('')).toEqual({ ok: true, value: null });
    expect(parseKpiNumber('fast')).toEqual({ ok: false, message: '“fast” is not a number' });
    expect(parseKpiNumber('1,000,000').ok).toBe(false);
    expect(parseKpiNumber('1e400')).toEqual({ ok: false, message: '“1e400” is too large' });
  });
});

describe('the KPI table', () => {
  const stages = [
    { id: 's1', title: 'Discover', position: 0 },
    { id: 's2', title: 'Sign up', position: 1 },
  ];
  const notes = [{ id: 'n1', stageId: 's2', text: 'Support hotline' }];
  const k = (id: string, over: Partial<KpiLike>): KpiLike => ({ id, stageId: 's1', noteId: null, name: id, unit: '', target: 10, actual: null, direction: 'higher', note: '', position: 0, ...over });
  const kpis = [
    k('Response time', { noteId: 'n1', stageId: null, unit: 'min', target: 5, actual: 9, direction: 'lower' }),
    k('Conversion', { stageId: 's2', unit: '%', target: 30, actual: 34 }),
    k('Reach', { actual: 12 }),
    k('Awareness', { actual: null }),
    k('Orphan', { noteId: 'gone', stageId: null }),
  ];
  const rows = kpiRows(kpis, stages, notes);

  it('lists KPIs in map order, a note’s KPI in its note’s stage, and leaves out those whose place is gone', () => {
    expect(rows.map((r) => r.name)).toEqual(['Reach', 'Awareness', 'Conversion', 'Response time']);
    expect(rows[3]).toMatchObject({ stageTitle: 'Sign up', noteText: 'Support hotline', status: 'missed' });
  });
  it('sorts by any column both ways, empty values last, and filters by stage and status', () => {
    expect(sortKpiRows(rows, 'name').map((r) => r.name)).toEqual(['Awareness', 'Conversion', 'Reach', 'Response time']);
    expect(sortKpiRows(rows, 'actual', true).map((r) => r.name)).toEqual(['Conversion', 'Reach', 'Response time', 'Awareness']);
    expect(sortKpiRows(rows, 'actual').map((r) => r.name)).toEqual(['Response time', 'Reach', 'Conversion', 'Awareness']);
    expect(sortKpiRows(rows, 'status').map((r) => r.status)).toEqual(['missed', 'met', 'met', 'no-actual']);
    expect(filterKpiRows(rows, { stageId: 's2' }).map((r) => r.name)).toEqual(['Conversion', 'Response time']);
    expect(filterKpiRows(rows, { status: 'met' }).map((r) => r.name)).toEqual(['Reach', 'Conversion']);
  });
  it('exports CSV that spreadsheets open: BOM, header, CRLF, quoted where needed', () => {
    const csv = kpiCsv(rows);
    expect(csv.startsWith('\uFEFFStage,Touchpoint,KPI,Unit,Target,Actual,Better,Status,Note\r\n')).toBe(true);
    expect(csv).toContain('Sign up,Support hotline,Response time,min,5,9,lower,Missed,\r\n');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(5);
  });
});
