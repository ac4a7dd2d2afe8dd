/**
 * What every service shares: the database, a cache of prepared statements, and the change feed.
 * Services never import Electron or a transport; they take validated input and return output.
 */
import type { Statement } from 'better-sqlite3';
import type { ApiEvent, MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { notFound } from '../../shared/api/errors';
import type { Db } from '../db/library';
import { WorkerPool } from '../workers/pool';
import type { NoteChanges } from '../../shared/domain/note-changes';
import { NOTE_COLUMNS, toNote, type NoteRow } from './rows';

/** Who is calling: `origin` names the window or connection, so it can tell its own changes apart. */
export interface CallContext {
  origin: string | null;
  method: MethodName;
}

/** A handler answers at once, or (work done off the main thread, such as reading a project file) later. */
export type Handler<M extends MethodName> = (input: ParsedInput<M>, call: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type EventSink = (event: ApiEvent) => void;

/** Past this many notes written or removed, an event says only "changed" (windows read the map again). */
export const MAX_EVENT_NOTES = 500;

export class ServiceContext {
  private readonly statements = new Map<string, Statement>();
  private readonly bumpRevision: Statement;
  private readonly projectExists: Statement;
  private readonly notesWritten: { clear: Statement; list: Statement; count: Statement };

  constructor(
    readonly db: Db,
    private readonly emit: EventSink,
    /** The worker thread for heavy work (reading project files); one of its own when none is given. */
    readonly workers: WorkerPool = new WorkerPool(),
  ) {
    this.bumpRevision = db.prepare('UPDATE projects SET revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision, updated_at');
    // A project in the Trash is out of reach until it is restored.
    this.projectExists = db.prepare('SELECT 1 FROM projects WHERE id = ? AND deleted_at IS NULL').pluck();
    // Which notes a change wrote: recorded by temporary triggers (this connection only, never in
    // the file), read after the change, for the event that tells the other windows.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS written_notes (id TEXT PRIMARY KEY, removed INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TEMP TRIGGER IF NOT EXISTS written_notes_insert AFTER INSERT ON main.notes BEGIN INSERT OR REPLACE INTO written_notes VALUES (new.id, 0); END;
      CREATE TEMP TRIGGER IF NOT EXISTS written_notes_update AFTER UPDATE ON main.notes BEGIN INSERT OR REPLACE INTO written_notes VALUES (new.id, 0); END;
      CREATE TEMP TRIGGER IF NOT EXISTS written_notes_delete AFTER DELETE ON main.notes BEGIN INSERT OR REPLACE INTO written_notes VALUES (old.id, 1); END;`);
    this.notesWritten = {
      clear: db.prepare('DELETE FROM temp.written_notes'),
      count: db.prepare('SELECT count(*) FROM temp.written_notes').pluck(),
      list: db.prepare(`SELECT w.id AS written_id, w.removed, ${NOTE_COLUMNS.split(', ').map((c) => `n.${c}`).join(', ')} FROM temp.written_notes w LEFT JOIN main.notes n ON n.id = w.id`),
    };
  }

  /** A prepared statement, prepared once per SQL text. */
  sql(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  now(): string {
    return new Date().toISOString();
  }

  assertProject(projectId: string): void {
    if (!this.projectExists.get(projectId)) throw notFound('The project');
  }

  /**
   * One user action on one project: one transaction that also bumps the project's revision,
   * then (after commit) one event to every window.
   */
  change<T>(projectId: string, call: CallContext, work: () => T): T {
    let revision = 0;
    let notes: NoteChanges | undefined;
    // Only the notes methods touch nothing but notes; after any other change windows read the map.
    const notesOnly = call.method.startsWith('notes.');
    const result = this.db.transaction(() => {
      this.assertProject(projectId);
      this.notesWritten.clear.run();
      const value = work();
      const bumped = this.bumpRevision.get(this.now(), projectId) as { revision: number; updated_at: string };
      revision = bumped.revision;
      if (notesOnly) notes = this.writtenNotes(bumped.updated_at);
      this.notesWritten.clear.run();
      return value;
    })();
    this.emit({ type: 'project.changed', projectId, revision, origin: call.origin, method: call.method, ...(notes ? { notes } : {}) });
    this.emit({ type: 'projects.changed' });
    return result;
  }

  private writtenNotes(updatedAt: string): NoteChanges | undefined {
    if ((this.notesWritten.count.get() as number) > MAX_EVENT_NOTES) return undefined;
    const changed: NoteChanges['changed'] = [];
    const removed: string[] = [];
    for (const row of this.notesWritten.list.all() as (NoteRow & { written_id: string; removed: number })[]) {
      if (row.removed) removed.push(row.written_id);
      else changed.push(toNote(row));
    }
    return { updatedAt, changed, removed };
  }

  emitProjects(): void {
    this.emit({ type: 'projects.changed' });
  }

  /** Any other event, sent after the work it reports has been committed. */
  notify(event: ApiEvent): void {
    this.emit(event);
  }
}
