import { m001 } from './001-initial';
import { m002 } from './002-emotion-scores';
import { m003 } from './003-snapshots';
import { m004 } from './004-voting';
import { m005 } from './005-trash';
import { m006 } from './006-copis';
import { m007 } from './007-personas-kpis';
import { m008 } from './008-room';
import { m009 } from './009-room-private';
import type { Migration } from './types';

/** Every migration, in order. Versions are 1, 2, 3 … with no gaps (checked by a test). */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
