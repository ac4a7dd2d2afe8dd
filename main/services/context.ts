/**
 * What every service shares: the database, a cache of prepared statements, and the change feed.
 * Services never import Electron or a transport; they take validated input and return output.
 */
import type { Statement } from 'better-sqlite3';
import type { ApiEvent, MethodName, Output, ParsedInput } from '../../shared/api/contract';
import { notFound } from '../../shared/api/errors';
import type { Db } from '../db/library';

/** Who is calling: `origin` names the window or connection, so it can tell its own changes apart. */
export interface CallContext {
  origin: string | null;
  method: MethodName;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, call: CallContext) => Output<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type EventSink = (event: ApiEvent) => void;

export class ServiceContext {
  private readonly statements = new Map<string, Statement>();
  private readonly bumpRevision: Statement;
  private readonly projectExists: Statement;

  constructor(
    readonly db: Db,
    private readonly emit: EventSink,
  ) {
    this.bumpRevision = db.prepare('UPDATE projects SET revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision');
    this.projectExists = db.prepare('SELECT 1 FROM projects WHERE id = ?').pluck();
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
    const result = this.db.transaction(() => {
      this.assertProject(projectId);
      const value = work();
      revision = (this.bumpRevision.get(this.now(), projectId) as { revision: number }).revision;
      return value;
    })();
    this.emit({ type: 'project.changed', projectId, revision, origin: call.origin, method: call.method });
    this.emit({ type: 'projects.changed' });
    return result;
  }

  emitProjects(): void {
    this.emit({ type: 'projects.changed' });
  }

  /** Any other event, sent after the work it reports has been committed. */
  notify(event: ApiEvent): void {
    this.emit(event);
  }
}
