/** Automatic backups of the whole library: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { BackupInfo, BackupName } from '../schemas';
import { mutation, query, input } from './define';

export const backupsMethods = {
  'backups.list': query(
    'The automatic backups of the library, newest first: when each was taken, its size and the projects inside (titles and note counts).',
    input({}),
    z.array(BackupInfo),
  ),
  'backups.restore': mutation(
    'Replace the whole library with a backup. The library as it is now is backed up first (its name is returned as `previous`), so this can be undone by restoring that one. Every window should reload afterwards (event library.replaced).',
    input({ name: BackupName }),
    z.object({ restored: z.string(), previous: z.string() }),
  ),
} as const;
