/** The three seats at a glance: who plays them, their standing at home, and whom the round waits for. */
import { DIFFICULTY_NAMES, PERSONALITY_NAMES } from '../../bots/config';
import { flavourName } from '../../game/ruleset';
import { CAPITAL_NAMES, SEAT_NAMES } from '../../game/seats';
import { SEATS, type SeatId } from '../../game/types';
import { isHidden } from '../../game/view';
import { useCtx, useG } from '../hooks';
import { rules } from '../rules';
import { useGame } from '../store';

const STAGE_WORDS: Record<string, string> = { respond: 'answering the incident', negotiate: 'negotiating' };

export function Standing() {
  const seats = useG((G) => G.seats);
  const secrets = useG((G) => G.secrets);
  const flavour = useG((G) => G.flavour);
  const ctx = useCtx();
  // Null when watching an online match.
  const me = useGame((s) => s.seat);
  const bots = useGame((s) => s.bots);
  const mode = useGame((s) => s.mode);
  const players = useGame((s) => s.players);
  const mediator = flavour ? flavourName(rules, flavour) : undefined;
  const who = (seat: SeatId) => {
    const player = players[seat];
    if (seat === me) return player?.name ? `You (${player.name})` : 'You';
    const bot = bots[seat];
    if (bot) return `Bot · ${PERSONALITY_NAMES[bot.personality]}, ${DIFFICULTY_NAMES[bot.difficulty].toLowerCase()}`;
    if (mode === 'online') return player?.name ? `${player.name}${player.connected === false ? ' · offline' : ''}` : 'Nobody yet';
    return mode === 'hotseat' ? 'Player at this device' : 'Player';
  };
  return (
    <section className="panel standing" aria-label="The seats">
      <ul className="seat-list">
        {SEATS.map((seat) => {
          const s = seats[seat];
          const stage = ctx.activePlayers?.[seat];
          const secret = secrets[seat];
          return (
            <li key={seat} className={`seat-card seat-${seat}${seat === me ? ' is-me' : ''}`}>
              <h3>
                {SEAT_NAMES[seat]}
                {seat === '2' && mediator ? <span className="muted"> · {mediator}</span> : null}
              </h3>
              <p className="seat-who">{who(seat)}</p>
              <p>
                {CAPITAL_NAMES[seat]}: <strong>{s.capital}</strong>
                {s.crisis ? <span className="badge badge-warn"> ⚠ domestic crisis</span> : null}
              </p>
              <p className="seat-status">
                {ctx.gameover ? '' : stage ? `◔ ${STAGE_WORDS[stage] ?? stage}` : s.done ? '✓ done' : '… waiting'}
                {isHidden(secret) ? <span className="muted"> · {secret.hand} card{secret.hand === 1 ? '' : 's'} in hand</span> : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
