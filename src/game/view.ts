/**
 * `playerView`: what one seat (or a spectator) is sent. A seat sees its own secrets; of the others
 * only how many agendas and cards they hold. Backchannel traffic reaches only its parties until a
 * leak. No seat sees the order of any draw pile.
 */
import { canSee } from './audience';
import { issuedFor } from './ids';
import { logFor } from './log';
import { isSeat } from './seats';
import type { GameState, Proposal, SeatSecret } from './state';
import { SEATS, type SeatId } from './types';

/** Another seat's secrets, as the rules make them public: counts, not contents. */
export interface HiddenSecret {
  hidden: true;
  agendas: number;
  hand: number;
}
export type SecretView = SeatSecret | HiddenSecret;

/**
 * The board as a seat may see it. Read-only checks take this type, so one that reads another
 * seat's secrets (without asking `isHidden`), a draw pile or the id counts does not compile.
 */
export type GameView = Omit<GameState, 'secrets' | 'deck' | 'initiativeDecks' | 'issued'> & {
  secrets: Record<SeatId, SecretView>;
};

export const isHidden = (s: SecretView): s is HiddenSecret => 'hidden' in s;

/** The secrets of the seat whose view this is: a check reads no other seat's. */
export function ownSecret(G: GameView, seat: SeatId): SeatSecret {
  const secret = G.secrets[seat];
  if (isHidden(secret)) throw new Error(`This view does not hold seat ${seat}'s secrets.`);
  return secret;
}

/**
 * What is sent: the view, with the draw piles emptied but present and only the id counts of the
 * viewer's audiences, for the client's own prediction of moves. Checks take `GameView`, which leaves them out.
 */
export type SentView = GameView & Pick<GameState, 'deck' | 'initiativeDecks' | 'issued'>;

/**
 * The proposals a seat may see. A public proposal countered over the backchannel reads as turned
 * down to those outside it: "countered", with no counter in sight, would betray the channel.
 */
function proposalsFor(proposals: readonly Proposal[], me: SeatId | null): Proposal[] {
  const unseenCounters = new Set(proposals.filter((p) => p.replaces !== undefined && !canSee(p, me)).map((p) => p.replaces));
  return proposals
    .filter((p) => canSee(p, me))
    .map((p) => (p.status === 'countered' && unseenCounters.has(p.id) ? { ...p, status: 'rejected' } : p));
}

export function playerView({ G, playerID }: { G: GameState; playerID?: string | null }): SentView {
  const me = isSeat(playerID) ? playerID : null;
  const secretFor = (seat: SeatId): SecretView =>
    seat === me ? G.secrets[seat] : { hidden: true, agendas: G.secrets[seat].agendas.length, hand: G.secrets[seat].hand.length };
  const view: SentView = {
    ...G,
    deck: [],
    initiativeDecks: { '0': [], '1': [], '2': [] },
    secrets: { '0': secretFor('0'), '1': secretFor('1'), '2': secretFor('2') },
    proposals: proposalsFor(G.proposals, me),
    agreements: G.agreements.filter((a) => canSee(a, me)),
    // Counters that would betray unseen backchannel traffic.
    proposedThisRound: Object.fromEntries(SEATS.map((s) => [s, s === me ? G.proposedThisRound[s] : 0])) as Record<SeatId, number>,
    issued: issuedFor(G.issued, me),
    log: logFor(G.log, me),
  };
  return view;
}
