/**
 * What signing a package costs each seat: a commitment's political price is paid by its seat when
 * the agreement is signed, whatever the seat later does (`formAgreement` in the engine). Shown on
 * proposals, in the builder and on agreements, so no one learns it from the log afterwards.
 */
import { commitmentCapital } from '../../game/commitments';
import { entry } from '../../game/ruleset';
import { SEAT_NAMES } from '../../game/seats';
import type { Commitment } from '../../game/state';
import { SEATS, type Flavour, type SeatId } from '../../game/types';
import { useG } from '../hooks';
import { rules } from '../rules';

/**
 * The capital each seat pays on signing `commitments`, for every seat with a line in them, with the
 * Mediator's discounts (`flavour`) as the engine charges them.
 */
export function signingCosts(
  flavour: Flavour,
  commitments: readonly Pick<Commitment, 'seat' | 'what'>[],
): Partial<Record<SeatId, number>> {
  const costs: Partial<Record<SeatId, number>> = {};
  for (const c of commitments) costs[c.seat] = (costs[c.seat] ?? 0) + commitmentCapital(rules, { flavour }, entry(rules, 'commitments', c.what));
  return costs;
}

/** "United States pays 2 capital", or "paid" on an agreement already signed. */
const pays = (seat: SeatId, n: number, verb: string) => `${SEAT_NAMES[seat]} ${verb} ${n ? `${n} capital` : 'nothing'}`;

/** "On signing: United States pays 1 capital, Iran pays 2 capital." */
export function SigningCost({ commitments, id, signed = false }: { commitments: readonly Commitment[]; id?: string; signed?: boolean }) {
  const flavour = useG((G) => G.flavour);
  const costs = signingCosts(flavour, commitments);
  const seats = SEATS.filter((s) => costs[s] !== undefined);
  return (
    <p id={id} className="signing-cost">
      {signed ? 'Signing cost' : 'On signing'}: {seats.map((s) => pays(s, costs[s]!, signed ? 'paid' : 'pays')).join(', ')}.
    </p>
  );
}
