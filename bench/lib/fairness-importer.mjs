// The importing client of bench/fairness.mjs, in a thread of its own: building and sending a
// 55 MB message takes its own event loop a while, which must not be counted as the host's delay
// in the other client's answers.
import { parentPort, workerData } from 'node:worker_threads';
import { connectApi } from './host.mjs';

const api = await connectApi(workerData.host);
parentPort.on('message', async ({ method, input }) => {
  const t = performance.now();
  try {
    await api.call(method, input, 300_000);
    parentPort.postMessage({ ok: true, took: performance.now() - t });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String(e) });
  }
});
parentPort.postMessage({ ready: true });
