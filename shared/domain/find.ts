/**
 * Find on the map: which notes match what was typed. Pure, shared by the canvas, the outline and
 * (later) anything else that searches notes.
 *
 * A note matches when every whitespace-separated word of the query appears somewhere in its text,
 * ignoring case and accents ("cafe" finds "Café", "PRIX" finds "prix"). Results come in reading
 * order: stage by stage, within a stage lane by lane, within a cell note by note.
 */

export interface FindableMap {
  stages: readonly { id: string; position: number }[];
  lanes: readonly { id: string; position: number }[];
  notes: readonly { id: string; stageId: string; laneId: string; text: string; position: number }[];
}

// Combining marks left over once text is decomposed (é → e + ◌́).
const COMBINING_MARKS = /\p{M}/gu;

/** Text as find compares it: decomposed (NFD), without combining marks, in lower case. */
export function foldForFind(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The words of a query, folded; none for an empty or blank query. */
export function queryWords(query: string): string[] {
  return foldForFind(query)
    .split(/\s+/u)
    .filter((w) => w !== '');
}

/** Does this text hold every word of the query (as folded by queryWords)? */
export function textMatches(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const folded = foldForFind(text);
  return words.every((w) => folded.includes(w));
}

/**
 * Ids of the notes whose text holds every word of the query, in reading order (stage position,
 * then lane position, then note position). An empty query finds nothing. Notes whose stage or
 * lane is not on the map (nowhere to show them) are left out.
 */
export function findNotes(map: FindableMap, query: string): string[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const stageAt = new Map(map.stages.map((s) => [s.id, s.position]));
  const laneAt = new Map(map.lanes.map((l) => [l.id, l.position]));
  const hits: { id: string; stage: number; lane: number; position: number; index: number }[] = [];
  map.notes.forEach((n, index) => {
    const stage = stageAt.get(n.stageId);
    const lane = laneAt.get(n.laneId);
    if (stage === undefined || lane === undefined) return;
    if (!textMatches(n.text, words)) return;
    hits.push({ id: n.id, stage, lane, position: n.position, index });
  });
  hits.sort((a, b) => a.stage - b.stage || a.lane - b.lane || a.position - b.position || a.index - b.index);
  return hits.map((h) => h.id);
}
