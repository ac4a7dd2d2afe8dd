/**
 * What the map views (the canvas, the outline) show of voting: the votes on each note of the
 * round shown, and — while a round is open and its panel is open — what a click or a key on a
 * note does. The voting hook makes it; MapViews hands it to whichever view is shown.
 */
export interface VoteMarks {
  /** Votes per note (notes without votes are absent). */
  counts: ReadonlyMap<string, number>;
  /** Voting on the map, or null when the map only shows the counts. */
  mode: VotingMode | null;
}

export interface VotingMode {
  /** The lanes whose notes take votes (other notes are dimmed). */
  laneIds: ReadonlySet<string>;
  /** Who gets the dot (the panel's "Who is voting"). */
  participant: string;
  /** Put one dot on the note, or take one back; refusals are said in words by the voting panel. */
  vote(noteId: string, takeBack: boolean): void;
}
