/**
 * The first map, asked for before the app's code is evaluated: main.tsx sends `projects.open`
 * for the project in the address while React, the canvas and the API client — whose contract
 * builds its validators first, which takes a while — are still loading. The host's answer and
 * the app's start-up overlap instead of following each other.
 *
 * It uses only the carrier: the preload bridge in Electron, or a WebSocket of its own (so nothing
 * here needs the contract). Whatever goes wrong gives null, and the map screen then asks through
 * the client as usual. The map screen takes the answer once.
 *
 * The WebSocket stays open after its answer, listening, until the map screen hears events through
 * the client's own connection (`handOver`): so a change made meanwhile by another window is never
 * missed, and the map is read a second time only if there was one. The hand-over ends with a
 * round trip on this socket, asked once the screen listens on the other: every change committed
 * before the host answers it came here first, every later one reaches the screen.
 */
import { WS_PATH, type JourneywallBridge, type WireMessage } from '../../../shared/api/bridge';
import type { Output } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/errors';

type OpenAnswer = Result<Output<'projects.open'>>;

export interface PrefetchedProject {
  answer: Promise<OpenAnswer | null>;
  /**
   * Once the client's own connection is open and its events are heard: stops listening, and
   * says whether the project may have changed since the answer (then read it again).
   */
  handOver(): Promise<boolean>;
}

let early: ({ projectId: string } & PrefetchedProject) | null = null;
/** The early socket's listening after its answer (web host only). */
let listening: { settle(): Promise<boolean> } | null = null;

/**
 * Asks for the project; resolves once the request is on its way (or could not be made), so the
 * caller can hold back work that would keep the page too busy to send it (see main.tsx).
 */
export function prefetchProject(projectId: string, origin: string): Promise<void> {
  const start = performance.now();
  let sent!: () => void;
  const requested = new Promise<void>((resolve) => (sent = resolve));
  const answer = ask(projectId, origin, sent);
  void answer.then(sent);
  early = {
    projectId,
    answer,
    handOver: async () => {
      const l = listening;
      listening = null;
      return l ? l.settle() : false;
    },
  };
  // Timed like the client's calls (api/client.ts), for the benchmark.
  void answer.then((r) => {
    const timings = ((globalThis as { __journeywallCallTimings?: unknown[] }).__journeywallCallTimings ??= []);
    timings.push({ method: 'projects.open', start, end: performance.now(), ok: r?.ok ?? false });
  });
  return requested;
}

/** The early answer for this project (once), or null: then the caller asks itself. */
export function takePrefetchedProject(projectId: string): PrefetchedProject | null {
  if (!early || early.projectId !== projectId) return null;
  const taken = early;
  early = null;
  return taken;
}

/** A definite answer (the map, or a refusal such as "no such project"); not "could not ask". */
function definite(value: unknown): OpenAnswer | null {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') return null;
  const r = value as OpenAnswer;
  return r.ok || (r.error.code !== 'unavailable' && r.error.code !== 'internal') ? r : null;
}

function ask(projectId: string, origin: string, sent: () => void): Promise<OpenAnswer | null> {
  const input = { projectId };
  const bridge = (window as { journeywall?: JourneywallBridge }).journeywall;
  if (bridge) {
    const answer = bridge.call('projects.open', input, origin).then(definite, () => null);
    sent();
    return answer;
  }
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATH}`);
    } catch {
      return resolve(null);
    }
    const close = () => {
      socket.onclose = socket.onerror = socket.onmessage = null;
      socket.close();
    };
    const finish = (answer: OpenAnswer | null) => {
      clearTimeout(timer);
      resolve(answer);
      if (!answer?.ok) return close();
      // Listen until handed over (or a minute at most: by then the map screen has its own events).
      let missed = false;
      let settled: ((missed: boolean) => void) | null = null;
      const stop = (lost: boolean) => {
        clearTimeout(limit);
        close();
        if (lost) missed = true;
        settled?.(missed);
        settled = null;
      };
      let limit = setTimeout(() => stop(true), 60_000);
      listening = {
        settle: () =>
          new Promise<boolean>((resolve) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve(true);
            settled = resolve;
            // Any query does; its answer comes after the events of every change before it.
            socket.send(JSON.stringify({ id: 2, method: 'timer.get', input, origin }));
            clearTimeout(limit);
            limit = setTimeout(() => stop(true), 5_000);
          }),
      };
      socket.onmessage = (e) => {
        const text = String(e.data);
        // Only this project's changes matter (and a restored library); events are small JSON.
        if (text.includes('"library.replaced"') || (text.includes('"project.changed"') && text.includes(JSON.stringify(projectId)))) missed = true;
        else if (text.startsWith('{"id":2,')) stop(false);
      };
      socket.onerror = socket.onclose = () => stop(true);
    };
    const timer = setTimeout(() => finish(null), 10_000);
    socket.onopen = () => {
      socket.send(JSON.stringify({ id: 1, method: 'projects.open', input, origin }));
      sent();
    };
    socket.onmessage = (e) => {
      let message: WireMessage;
      try {
        message = JSON.parse(String(e.data)) as WireMessage;
      } catch {
        return finish(null);
      }
      if ('id' in message && message.id === 1) finish(definite(message.result));
    };
    socket.onerror = socket.onclose = () => finish(null);
  });
}
