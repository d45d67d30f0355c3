/** Whether a move is legal now, and if not, why, in words a player can act on. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const OK: Verdict = { ok: true };
export const no = (reason: string): Verdict => ({ ok: false, reason });
