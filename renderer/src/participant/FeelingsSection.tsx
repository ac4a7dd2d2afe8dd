/** One's own emotion score per stage (−2…+2), with an optional reason. */
import { useState } from 'react';
import type { ParticipantScore, ParticipantState } from '../../../shared/api/participant';
import type { RoomLine } from './connection';

/** The five levels in numbers and words (no emoji: a phone may lack the font, and words read aloud the same). */
const LEVELS = [
  { score: -2, num: '−2', label: 'Very bad' },
  { score: -1, num: '−1', label: 'Bad' },
  { score: 0, num: '0', label: 'Neutral' },
  { score: 1, num: '+1', label: 'Good' },
  { score: 2, num: '+2', label: 'Very good' },
];

export function FeelingsSection({ state, line, onScores, onError }: { state: ParticipantState; line: RoomLine; onScores(s: ParticipantScore[]): void; onError(m: string): void }) {
  const send = async (stageId: string, score: number | null, reason?: string) => {
    const r = await line.call('participant.score', { stageId, score, ...(reason !== undefined ? { reason } : {}) });
    if (r.ok) onScores(r.value);
    else onError(r.error.message);
  };
  return (
    <section className="p-section" aria-labelledby="p-feel">
      <h2 id="p-feel">How does each stage feel to the customer?</h2>
      {state.stages.map((s) => (
        <StageScore key={s.id} stage={s} score={state.scores.find((x) => x.stageId === s.id) ?? null} onSend={send} />
      ))}
    </section>
  );
}

function StageScore({ stage, score, onSend }: { stage: { id: string; title: string }; score: ParticipantScore | null; onSend(stageId: string, score: number | null, reason?: string): Promise<void> }) {
  const [reason, setReason] = useState<string | null>(null);
  return (
    <fieldset className="p-score">
      <legend>{stage.title}</legend>
      <div className="p-faces">
        {LEVELS.map((l) => (
          <button
            key={l.score}
            type="button"
            className={`p-face${score?.score === l.score ? ' p-face-on' : ''}`}
            aria-pressed={score?.score === l.score}
            onClick={() => void onSend(stage.id, score?.score === l.score ? null : l.score, reason ?? score?.reason)}
          >
            <span className="p-face-num">{l.num}</span> <span className="p-face-word">{l.label}</span>
          </button>
        ))}
      </div>
      {score && (
        <label className="p-field">
          <span>Why? (optional)</span>
          <input
            className="p-input"
            maxLength={500}
            value={reason ?? score.reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => {
              if (reason !== null && reason !== score.reason) void onSend(stage.id, score.score, reason).then(() => setReason(null));
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
