/**
 * One task at a time per match. Everything that reads a match and writes it back — a socket's move
 * or sync, a connection change, a lobby join, a server bot's step — runs on the match's lock, so no
 * write overwrites another made in between. With several nodes on one database, each task also
 * takes the database's lock on the match (`across`), once it has this node's: a join on one node
 * and a move on another would otherwise each write back metadata read before the other's.
 */
export type AcrossNodes = <T>(matchID: string, fn: () => Promise<T>) => Promise<T>;

export class MatchLocks {
  private readonly tails = new Map<string, { tail: Promise<unknown>; pending: number }>();

  constructor(private readonly across?: AcrossNodes) {}

  /** Runs `fn` when every earlier task on the match has settled; a failed task does not block the next. */
  run<T>(matchID: string, fn: () => Promise<T>): Promise<T> {
    let lock = this.tails.get(matchID);
    if (!lock) {
      lock = { tail: Promise.resolve(), pending: 0 };
      this.tails.set(matchID, lock);
    }
    const held = lock;
    held.pending += 1;
    const across = this.across;
    const run = held.tail.then(across ? () => across(matchID, fn) : fn);
    held.tail = run
      .catch(() => undefined)
      .then(() => {
        held.pending -= 1;
        // Forget an idle match, so the map holds only matches with work queued.
        if (held.pending === 0 && this.tails.get(matchID) === held) this.tails.delete(matchID);
      });
    return run;
  }

  /** Resolves once every task queued so far has settled (before the storage closes). */
  async settled(): Promise<void> {
    await Promise.all([...this.tails.values()].map((lock) => lock.tail));
  }

  /** How many matches have tasks queued or running. */
  get busy(): number {
    return this.tails.size;
  }
}
