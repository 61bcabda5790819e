import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Change signals for in-process caches of what authentication reads (decision 0015). The rows
 * behind a credential live in these tables; a write to any of them may change who someone is,
 * which workspaces they belong to with which role, or a workspace's directory version.
 */
export const CREDENTIAL_TABLES: ReadonlySet<string> = new Set([
  'users',
  'memberships',
  'workspaces',
  'sessions',
  'api_tokens',
]);

/** Columns written by authentication's own once-a-minute touches: changing only these changes nothing cached. */
const TOUCH_COLUMNS: ReadonlySet<string> = new Set(['last_seen_at', 'last_used_at']);

/**
 * - `local`: this process is about to write a credential table (sent before the statement runs);
 * - `remote`: a committed change, by any process, was announced (PostgreSQL NOTIFY);
 * - `reconnect`: announcements started or stopped arriving, so some may have been missed.
 */
export type ChangeSource = 'local' | 'remote' | 'reconnect';
export type ChangeListener = (source: ChangeSource) => void;

/** Starts receiving announcements for `changes`; returns how to stop. */
export type ChangeFeed = (changes: CredentialChanges) => () => Promise<void>;

/** Asked before every cached read: has another process committed a change since last asked? */
export type ChangePoll = () => boolean;

/**
 * One per database handle. `live` is true only while committed changes of every process are
 * announced (PostgreSQL: LISTEN) or can be asked for (SQLite: `PRAGMA data_version`, see `check`);
 * a cache must not serve anything while it is false. The feed starts with the first subscriber,
 * so the CLI and scripts open no listening connection.
 */
export class CredentialChanges {
  readonly #listeners = new Set<ChangeListener>();
  readonly #feed: ChangeFeed | undefined;
  readonly #poll: ChangePoll | undefined;
  #stop: (() => Promise<void>) | undefined;
  #live = false;

  constructor(feed?: ChangeFeed, poll?: ChangePoll) {
    this.#feed = feed;
    this.#poll = poll;
  }

  /** Signals `remote` when the poll (if any) says another process committed since last asked. */
  check(): void {
    if (this.#poll?.()) this.emit('remote');
  }

  get live(): boolean {
    return this.#live;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stop && this.#feed) this.#stop = this.#feed(this);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Called by the feed when announcements start or stop arriving. */
  setLive(live: boolean): void {
    if (live === this.#live) return;
    this.#live = live;
    this.emit('reconnect');
  }

  emit(source: ChangeSource): void {
    for (const listener of this.#listeners) listener(source);
  }

  async close(): Promise<void> {
    const stop = this.#stop;
    this.#stop = undefined;
    this.setLive(false);
    await stop?.();
  }
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'AliasNode')
    return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind !== 'TableNode') return undefined;
  return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
}

/** True when the statement writes a credential table (other than a touch of last seen/used). */
export function writesCredentials(node: RootOperationNode): boolean {
  switch (node.kind) {
    case 'InsertQueryNode':
      return CREDENTIAL_TABLES.has(tableName(node.into) ?? '');
    case 'DeleteQueryNode':
      return node.from.froms.some((f) => CREDENTIAL_TABLES.has(tableName(f) ?? ''));
    case 'UpdateQueryNode': {
      if (!CREDENTIAL_TABLES.has(tableName(node.table) ?? '')) return false;
      const columns = (node.updates ?? []).map(
        (u) => (u.column as unknown as { column?: { name?: string } }).column?.name ?? '',
      );
      return columns.length === 0 || columns.some((c) => !TOUCH_COLUMNS.has(c));
    }
    default:
      return false;
  }
}

/**
 * Sees every statement built through Kysely on the handle (transactions included) and signals
 * `local` before a credential write runs. Raw SQL is not seen here; on PostgreSQL the triggers of
 * migration 0010 announce it when it commits.
 */
export class CredentialWriteWatch implements KyselyPlugin {
  readonly #changes: CredentialChanges;

  constructor(changes: CredentialChanges) {
    this.#changes = changes;
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (writesCredentials(node)) this.#changes.emit('local');
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}
