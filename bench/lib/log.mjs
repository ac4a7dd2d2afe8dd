/** Progress lines with the time since the benchmark started. */
const started = Date.now();

export const elapsedSeconds = () => (Date.now() - started) / 1000;

export function log(message) {
  console.log(`[${elapsedSeconds().toFixed(1).padStart(6)}s] ${message}`);
}

export function warn(message) {
  console.log(`[${elapsedSeconds().toFixed(1).padStart(6)}s] WARNING: ${message}`);
}

/** Runs `fn`, logging what it does and how long it took. */
export async function step(label, fn) {
  log(`${label} …`);
  const t0 = Date.now();
  const value = await fn();
  log(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return value;
}
