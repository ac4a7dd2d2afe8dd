import { describe, expect, it } from 'vitest';
import { keyRule, nextNoteSlot, typedCharacter, type TypingTarget } from '../../renderer/src/canvas/typing';

const cell: TypingTarget = { kind: 'cell' };
const note: TypingTarget = { kind: 'note' };
const none: TypingTarget = { kind: 'none' };

describe('typedCharacter', () => {
  it('is the character for letters of any script, digits, punctuation, space and emoji', () => {
    for (const key of ['a', 'S', ' ', '7', '?', '=', '-', 'ж', 'λ', '字', 'ا', '😀', 'é']) expect(typedCharacter({ key })).toBe(key);
  });
  it('is null for named keys', () => {
    for (const key of ['Enter', 'Tab', 'F1', 'F12', 'ArrowUp', 'Escape', 'Backspace', 'Delete', 'Dead', 'Process', 'Unidentified', 'Shift', 'Alt', 'Control', 'Meta', 'CapsLock', '']) expect(typedCharacter({ key })).toBeNull();
  });
  it('is null with Ctrl, ⌘ or Alt (commands), but AltGr (Ctrl+Alt off macOS) types', () => {
    expect(typedCharacter({ key: 'p', alt: true })).toBeNull();
    expect(typedCharacter({ key: 'z', ctrl: true })).toBeNull();
    expect(typedCharacter({ key: 'z', meta: true })).toBeNull();
    expect(typedCharacter({ key: '@', ctrl: true, alt: true })).toBe('@');
    expect(typedCharacter({ key: 'π', alt: true, mac: true })).toBeNull();
    expect(typedCharacter({ key: '@', ctrl: true, alt: true, mac: true })).toBeNull();
  });
  it('is null while an input method composes', () => {
    expect(typedCharacter({ key: 'a', composing: true })).toBeNull();
  });
});

describe('keyRule', () => {
  it('leaves every key to the commands when nothing is selected', () => {
    for (const key of ['t', 'v', '?', '=', '-', ' ', '1']) expect(keyRule(none, { key })).toEqual({ kind: 'pass' });
  });
  it('starts a new note with the typed character on a selected cell, whatever the character', () => {
    for (const key of ['S', 't', 'n', ' ', '1', '?', '=', '-', 'ж', '字']) expect(keyRule(cell, { key })).toEqual({ kind: 'new-note', text: key });
  });
  it('adds to a selected note: "pio 2" is text, not tags and a colour', () => {
    expect([...'pio 2'].map((key) => keyRule(note, { key }))).toEqual([...'pio 2'].map((append) => ({ kind: 'edit-note', append })));
  });
  it('replaces a selected title', () => {
    expect(keyRule({ kind: 'title' }, { key: 'R' })).toEqual({ kind: 'rename', text: 'R' });
  });
  it('swallows characters when several notes are selected', () => {
    expect(keyRule({ kind: 'notes' }, { key: 't' }).kind).toBe('ignore');
  });
  it('leaves modified and named keys to the commands on any selection', () => {
    for (const target of [cell, note, { kind: 'title' } as const, { kind: 'notes' } as const]) {
      expect(keyRule(target, { key: '1', alt: true })).toEqual({ kind: 'pass' });
      expect(keyRule(target, { key: 'Enter', ctrl: true })).toEqual({ kind: 'pass' });
      expect(keyRule(target, { key: 'ArrowDown' })).toEqual({ kind: 'pass' });
      expect(keyRule(target, { key: 'Delete' })).toEqual({ kind: 'pass' });
      expect(keyRule(target, { key: 'F1' })).toEqual({ kind: 'pass' });
    }
  });
  it('in the emotion lane: + and − change the score, 1…5 set it, arrows pass, letters explain a score', () => {
    const unscored: TypingTarget = { kind: 'emotion-cell', score: null };
    const scored: TypingTarget = { kind: 'emotion-cell', score: 1 };
    expect(keyRule(unscored, { key: '+' })).toEqual({ kind: 'score-by', delta: 1 });
    expect(keyRule(unscored, { key: '=' })).toEqual({ kind: 'score-by', delta: 1 });
    expect(keyRule(scored, { key: '-' })).toEqual({ kind: 'score-by', delta: -1 });
    expect(keyRule(scored, { key: '1' })).toEqual({ kind: 'score', score: -2 });
    expect(keyRule(scored, { key: '3' })).toEqual({ kind: 'score', score: 0 });
    expect(keyRule(scored, { key: '5' })).toEqual({ kind: 'score', score: 2 });
    expect(keyRule(scored, { key: 'ArrowDown' })).toEqual({ kind: 'pass' });
    expect(keyRule(scored, { key: 'W' })).toEqual({ kind: 'explain', append: 'W' });
    expect(keyRule(unscored, { key: 'W' }).kind).toBe('ignore');
  });
});

describe('nextNoteSlot', () => {
  const stages = ['s1', 's2', 's3'];
  const lanes = [
    { id: 'actions', kind: 'notes' },
    { id: 'touch', kind: 'touchpoints' },
    { id: 'feel', kind: 'emotion' },
    { id: 'pain', kind: 'notes' },
  ];
  it('goes to the same lane of the next stage', () => {
    expect(nextNoteSlot(stages, lanes, 's1', 'actions', false)).toEqual({ stageId: 's2', laneId: 'actions' });
    expect(nextNoteSlot(stages, lanes, 's2', 'actions', true)).toEqual({ stageId: 's1', laneId: 'actions' });
  });
  it('after the last stage, goes to the next lane of notes at the first stage, skipping emotions and wrapping', () => {
    expect(nextNoteSlot(stages, lanes, 's3', 'actions', false)).toEqual({ stageId: 's1', laneId: 'touch' });
    expect(nextNoteSlot(stages, lanes, 's3', 'touch', false)).toEqual({ stageId: 's1', laneId: 'pain' });
    expect(nextNoteSlot(stages, lanes, 's3', 'pain', false)).toEqual({ stageId: 's1', laneId: 'actions' });
  });
  it('Shift+Tab before the first stage goes to the previous lane of notes at the last stage', () => {
    expect(nextNoteSlot(stages, lanes, 's1', 'pain', true)).toEqual({ stageId: 's3', laneId: 'touch' });
    expect(nextNoteSlot(stages, lanes, 's1', 'actions', true)).toEqual({ stageId: 's3', laneId: 'pain' });
  });
  it('is null for a stage or lane it does not know', () => {
    expect(nextNoteSlot(stages, lanes, 'gone', 'actions', false)).toBeNull();
    expect(nextNoteSlot(stages, lanes, 's3', 'gone', false)).toBeNull();
  });
});
