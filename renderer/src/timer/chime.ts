/**
 * The chime when time is up: a soft three-note bell, synthesised with the Web Audio API (nothing
 * to download, nothing to bundle). Browsers only let a page make sound after the user has done
 * something on it, so `unlockChime()` is called from the click that starts a timer.
 */
let context: AudioContext | null = null;

export function unlockChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null; // no audio device: the overlay still says time is up
  }
}

/** Plays the chime; says whether it could. */
export function playChime(): boolean {
  if (!context || context.state !== 'running') return false;
  const start = context.currentTime + 0.05;
  // A falling major triad, each note a bell: a quick attack and a long, quiet decay.
  [1046.5, 783.99, 659.25].forEach((frequency, i) => {
    const at = start + i * 0.35;
    for (const [ratio, level] of [
      [1, 0.28],
      [2.76, 0.06],
    ] as const) {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency * ratio;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(level, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.6);
      osc.connect(gain).connect(context!.destination);
      osc.start(at);
      osc.stop(at + 1.7);
    }
  });
  return true;
}
