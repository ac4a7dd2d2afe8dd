/** Find on the map (shared/domain/find.ts): what matches, and in which order the matches come. */
import { describe, expect, test } from 'vitest';
import { findNotes, foldForFind, queryWords, textMatches, type FindableMap } from '../../shared/domain/find';

const stage = (id: string, position: number) => ({ id, position });
const lane = (id: string, position: number) => ({ id, position });
const note = (id: string, stageId: string, laneId: string, position: number, text: string) => ({ id, stageId, laneId, position, text });

/** Stages and lanes listed out of order on purpose: their positions decide, not the array order. */
const map: FindableMap = {
  stages: [stage('s-buy', 2), stage('s-aware', 0), stage('s-consider', 1)],
  lanes: [lane('l-pain', 1), lane('l-actions', 0), lane('l-emotion', 2)],
  notes: [
    note('n1', 's-buy', 'l-actions', 1, 'Price too high at checkout'),
    note('n2', 's-aware', 'l-pain', 0, 'Cannot find the price'),
    note('n3', 's-consider', 'l-actions', 0, 'Compare prices'),
    note('n4', 's-buy', 'l-actions', 0, 'Pays with a card'),
    note('n5', 's-aware', 'l-actions', 1, 'Sees a PRICE on a poster'),
    note('n6', 's-aware', 'l-actions', 0, 'Reads a review of the café'),
    note('n7', 's-buy', 'l-pain', 0, 'Delivery late'),
    note('n8', 's-consider', 'l-pain', 0, 'Prices differ between\nthe app and the shop'),
  ],
};

describe('folding', () => {
  test('case and accents are ignored; the text is otherwise kept', () => {
    expect(foldForFind('Café CRÈME Ñandú Ångström')).toBe('cafe creme nandu angstrom');
    expect(foldForFind('Ça coûte 10 €')).toBe('ca coute 10 €');
    // Already decomposed text (e + combining acute) folds the same as composed text.
    expect(foldForFind('Cafe\u0301')).toBe(foldForFind('Café'));
  });

  test('a query is split into words on any whitespace', () => {
    expect(queryWords('  Price\t too\nHIGH  ')).toEqual(['price', 'too', 'high']);
    expect(queryWords('')).toEqual([]);
    expect(queryWords(' \n\t ')).toEqual([]);
  });

  test('every word must appear, anywhere and in any order', () => {
    expect(textMatches('Price too high at checkout', ['high', 'price'])).toBe(true);
    expect(textMatches('Price too high at checkout', ['price', 'low'])).toBe(false);
    expect(textMatches('Compare prices', ['pric'])).toBe(true);
    expect(textMatches('anything', [])).toBe(false);
  });
});

describe('findNotes', () => {
  test('an empty or blank query finds nothing', () => {
    expect(findNotes(map, '')).toEqual([]);
    expect(findNotes(map, '   ')).toEqual([]);
  });

  test('matches come in reading order: stage, then lane, then position in the cell', () => {
    // Awareness: actions (n5), pain (n2); Consideration: actions (n3), pain (n8); Purchase: actions (n1).
    expect(findNotes(map, 'price')).toEqual(['n5', 'n2', 'n3', 'n8', 'n1']);
  });

  test('case- and accent-insensitive, both ways', () => {
    expect(findNotes(map, 'CAFE')).toEqual(['n6']);
    expect(findNotes(map, 'café')).toEqual(['n6']);
    expect(findNotes(map, 'Cafe\u0301')).toEqual(['n6']);
    const accented: FindableMap = { ...map, notes: [note('x', 's-aware', 'l-pain', 0, 'Le prix est élevé')] };
    expect(findNotes(accented, 'ELEVE prix')).toEqual(['x']);
  });

  test('every word of the query must be in the note', () => {
    expect(findNotes(map, 'price high')).toEqual(['n1']);
    expect(findNotes(map, 'high price')).toEqual(['n1']);
    expect(findNotes(map, 'price nowhere')).toEqual([]);
  });

  test('words can be on different lines of a note', () => {
    expect(findNotes(map, 'differ shop')).toEqual(['n8']);
  });

  test('nothing matches: no ids', () => {
    expect(findNotes(map, 'refund')).toEqual([]);
  });

  test('the example from the workshop: "price" finds two of three notes, in order', () => {
    const small: FindableMap = {
      stages: [stage('a', 0), stage('b', 1)],
      lanes: [lane('x', 0)],
      notes: [note('late', 'b', 'x', 0, 'Delivery late'), note('high', 'b', 'x', 1, 'Price too high'), note('compare', 'a', 'x', 0, 'Compare prices')],
    };
    expect(findNotes(small, 'price')).toEqual(['compare', 'high']);
  });

  test('notes whose stage or lane is not on the map are left out', () => {
    const orphans: FindableMap = { ...map, notes: [...map.notes, note('gone', 's-deleted', 'l-actions', 0, 'price'), note('gone2', 's-aware', 'l-deleted', 0, 'price')] };
    expect(findNotes(orphans, 'price')).toEqual(['n5', 'n2', 'n3', 'n8', 'n1']);
  });

  test('equal positions keep the order of the map', () => {
    const ties: FindableMap = { stages: [stage('a', 0)], lanes: [lane('x', 0)], notes: [note('first', 'a', 'x', 0, 'tie'), note('second', 'a', 'x', 0, 'tie')] };
    expect(findNotes(ties, 'tie')).toEqual(['first', 'second']);
  });

  test('regular-expression characters in the query are plain text', () => {
    const special: FindableMap = { stages: [stage('a', 0)], lanes: [lane('x', 0)], notes: [note('q', 'a', 'x', 0, 'Why (really)? 50% off [sic]'), note('r', 'a', 'x', 1, 'really')] };
    expect(findNotes(special, '(really)?')).toEqual(['q']);
    expect(findNotes(special, '50% [sic]')).toEqual(['q']);
    expect(findNotes(special, '.*')).toEqual([]);
  });
});
