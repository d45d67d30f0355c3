/**
 * `playerView`: what one seat (or a spectator) is sent. A seat sees its own secrets; of the others
 * only how many agendas and cards they hold. Backchannel traffic reaches only its parties until a
 * leak. No seat sees the order of any draw pile.
 */
import { canSee } from './audience';
import { isSeat } from './seats';
import type { GameState, SeatSecret } from './state';
import { SEATS, type SeatId } from './types';

/** Another seat's secrets, as the rules make them public: counts, not contents. */
export interface HiddenSecret {
  hidden: true;
  agendas: number;
  hand: number;
}
export type SecretView = SeatSecret | HiddenSecret;

export type GameView = Omit<GameState, 'secrets'> & { secrets: Record<SeatId, SecretView> };

export const isHidden = (s: SecretView): s is HiddenSecret => 'hidden' in s;

export function playerView({ G, playerID }: { G: GameState; playerID?: string | null }): GameView {
  const me = isSeat(playerID) ? playerID : null;
  const secretFor = (seat: SeatId): SecretView =>
    seat === me ? G.secrets[seat] : { hidden: true, agendas: G.secrets[seat].agendas.length, hand: G.secrets[seat].hand.length };
  return {
    ...G,
    deck: [],
    initiativeDecks: { '0': [], '1': [], '2': [] },
    secrets: { '0': secretFor('0'), '1': secretFor('1'), '2': secretFor('2') },
    proposals: G.proposals.filter((p) => canSee(p, me)),
    agreements: G.agreements.filter((a) => canSee(a, me)),
    // Counters that would betray unseen backchannel traffic.
    proposedThisRound: Object.fromEntries(SEATS.map((s) => [s, s === me ? G.proposedThisRound[s] : 0])) as Record<SeatId, number>,
    nextId: 0,
    log: G.log.map((page) => page.filter((e) => !e.to || (me !== null && e.to.includes(me)))).filter((page) => page.length > 0),
  };
}
