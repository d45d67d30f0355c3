/** Who plays each seat of an online match: a bot, a person (by name), or nobody yet. */
import { DIFFICULTY_NAMES, PERSONALITY_NAMES } from '../../bots/config';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import type { SeatId } from '../../game/types';
import { rules } from '../rules';
import { CopyLink } from './CopyLink';
import { linkOf } from './links';
import type { MatchInfo, SeatInfo } from './lobby';

export function seatStatus(match: MatchInfo, seat: SeatInfo, me?: SeatId | null): string {
  const bot = match.bots[seat.id];
  if (bot) return `Bot · ${PERSONALITY_NAMES[bot.personality]}, ${DIFFICULTY_NAMES[bot.difficulty].toLowerCase()}`;
  if (!seat.name) return 'Open: nobody has joined yet';
  return `${seat.name}${seat.id === me ? ' — your seat' : ''}`;
}

/** The scenario and Mediator the match was set up with, in a line. */
export function setupLine(match: MatchInfo): string {
  const scenario = rules.scenarios.find((s) => s.id === match.setupData?.scenario) ?? rules.scenarios[0];
  const flavour = rules.flavours.find((f) => f.id === (match.setupData?.flavour ?? scenario.flavour));
  return `${scenario.name} · Mediator: ${flavour?.name ?? '—'}`;
}

/** The seats with their players; open human seats get their join link when `invite` is set. */
export function Roster({ match, me, invite }: { match: MatchInfo; me?: SeatId | null; invite: boolean }) {
  return (
    <ol className="roster" aria-label="Seats">
      {match.seats.map((seat) => {
        const bot = Boolean(match.bots[seat.id]);
        const open = !bot && !seat.name;
        return (
          <li key={seat.id} className={`roster-seat seat-${seat.id}${open ? ' is-open' : ''}`}>
            <h3>{SEAT_NAMES[seat.id]}</h3>
            <p className="seat-who">
              {open ? '… ' : bot ? '⚙ ' : '✓ '}
              {seatStatus(match, seat, me)}
            </p>
            {open && invite && !match.over ? (
              <CopyLink id={`join-${seat.id}`} label={`Join link for ${SEAT_NAMES[seat.id]}`} url={linkOf({ kind: 'join', matchID: match.matchID, seat: seat.id })} />
            ) : null}
            {!bot && seat.name && seat.id !== me && invite ? (
              <p className="field-note">To play {SEAT_TITLES[seat.id]} with {seat.name}, ask for the team link on their screen.</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
