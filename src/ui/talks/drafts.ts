/** Building blocks for the proposal builder: a sensible first line, and keeping a line consistent. */
import { placeOfRound, totalRounds } from '../../game/calendar';
import { checkCommitment, defaultLine } from '../../game/commitments';
import type { Commitment, ScheduleStep } from '../../game/state';
import type { GameView } from '../../game/view';
import type { CommitmentId, SeatId } from '../../game/types';
import { entry } from '../../game/ruleset';
import { rules } from '../rules';

/** The first round from `from` in which `what` may fall due (or `from` if none: the check will say). */
function firstDue(schedule: ScheduleStep[], what: CommitmentId, from: number): number {
  const def = entry(rules, 'commitments', what);
  for (let r = from; r <= totalRounds(schedule); r++) if (def.phases.includes(placeOfRound(schedule, r).phase)) return r;
  return from;
}

/** A line for `seat`'s commitment `what`, keeping `due` where it can, with its first verifier and triggers. */
export function lineFor(schedule: ScheduleStep[], seat: SeatId, what: CommitmentId, due: number): Commitment {
  return { ...defaultLine(entry(rules, 'commitments', what), firstDue(schedule, what, due)), seat };
}

export const menuFor = (seat: SeatId) => rules.commitments.filter((c) => c.seat === seat);

/** The seat a proposal most naturally asks something of: the other government, or the U.S. for the Mediator. */
const counterpart = (me: SeatId): SeatId => (me === '0' ? '1' : '0');

/**
 * The line "Add a commitment" proposes: something from you if the package has nothing of yours yet
 * (give and take), otherwise more from the other side; the first menu entry not already in the
 * package, preferring one the board allows now.
 */
export function nextLine(G: GameView, me: SeatId, lines: Commitment[]): Commitment {
  const seat = lines.length > 0 && !lines.some((c) => c.seat === me) ? me : counterpart(me);
  const due = Math.max(1, Math.min(G.round + 1, totalRounds(G.schedule)));
  const fresh = menuFor(seat)
    .map((def) => lineFor(G.schedule, seat, def.id, due))
    .filter((c) => !lines.some((l) => l.seat === c.seat && l.what === c.what && l.due === c.due));
  return fresh.find((c) => checkCommitment(rules, G, c).ok) ?? fresh[0] ?? lineFor(G.schedule, seat, menuFor(seat)[0].id, due);
}
