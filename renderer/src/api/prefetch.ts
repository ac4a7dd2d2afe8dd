/**
 * The first map, asked for while the app's code is still loading: main.tsx sends `projects.open`
 * for the project in the address before the React app and the canvas are even evaluated, so the
 * host's answer and the app's start-up overlap instead of following each other. The map screen
 * takes the answer once; any later open asks again.
 */
import type { Output } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/errors';
import type { ApiClient } from './client';

type OpenAnswer = Promise<Result<Output<'projects.open'>>>;
let early: { client: ApiClient; projectId: string; answer: OpenAnswer } | null = null;

export function prefetchProject(client: ApiClient, projectId: string): void {
  early = { client, projectId, answer: client.call('projects.open', { projectId }) };
}

/** The early answer for this project (once), or null: then the caller asks itself. */
export function takePrefetchedProject(client: ApiClient, projectId: string): OpenAnswer | null {
  if (!early || early.client !== client || early.projectId !== projectId) return null;
  const { answer } = early;
  early = null;
  return answer;
}
