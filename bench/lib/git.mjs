/** Which code was measured: the commit and how many files differ from it. */
import { spawnSync } from 'node:child_process';
import { ROOT } from './host.mjs';

export function gitState() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return { commit: null };
  const changed = git('status', '--porcelain').stdout.split('\n').filter(Boolean).length;
  return { commit: head.stdout.trim(), uncommittedFiles: changed };
}
