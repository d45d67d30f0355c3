/** One editable line of a package: who commits to what, when, checked by whom, and its triggers. */
import { placeOfRound, totalRounds } from '../../game/calendar';
import { checkCommitment } from '../../game/commitments';
import { describeEffects } from '../../game/effects';
import { SEAT_NAMES } from '../../game/seats';
import type { Commitment } from '../../game/state';
import { SEATS, type CommitmentId, type SeatId, type TriggerId, type VerifierId } from '../../game/types';
import { detectionChance } from '../../game/verification';
import { percent } from '../engine';
import { useG } from '../hooks';
import { lineFor, menuFor } from './drafts';
import { entry } from '../../game/ruleset';
import { rules } from '../rules';

interface Props {
  index: number;
  line: Commitment;
  onChange(line: Commitment): void;
  onRemove(): void;
}

export function CommitmentLine({ index, line, onChange, onRemove }: Props) {
  const G = useG((G) => G);
  const def = entry(rules, 'commitments', line.what);
  const id = (field: string) => `line-${index}-${field}`;
  const rounds = Array.from({ length: totalRounds(G.schedule) - G.round + 1 }, (_, i) => G.round + i);
  const verdict = checkCommitment(rules, G, line);
  const green = entry(rules, 'triggers', line.onGreen);
  const red = entry(rules, 'triggers', line.onRed);
  return (
    <fieldset className={verdict.ok ? 'line' : 'line has-problem'}>
      <legend>Commitment {index + 1}</legend>
      <div className="line-grid">
        <label htmlFor={id('seat')}>Who</label>
        <select
          id={id('seat')}
          value={line.seat}
          onChange={(e) => {
            const seat = e.target.value as SeatId;
            onChange(lineFor(G.schedule, seat, menuFor(seat)[0].id, line.due));
          }}
        >
          {SEATS.map((s) => (
            <option key={s} value={s}>
              {SEAT_NAMES[s]}
            </option>
          ))}
        </select>
        <label htmlFor={id('what')}>Commits to</label>
        <select id={id('what')} value={line.what} onChange={(e) => onChange(lineFor(G.schedule, line.seat, e.target.value as CommitmentId, line.due))}>
          {menuFor(line.seat).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('due')}>Due</label>
        <select id={id('due')} value={line.due} onChange={(e) => onChange({ ...line, due: Number(e.target.value) })}>
          {rounds.map((r) => {
            const p = placeOfRound(G.schedule, r);
            return (
              <option key={r} value={r}>
                Round {r} (months {p.monthStart}–{p.monthEnd}){def.phases.includes(p.phase) ? '' : ' — not allowed'}
              </option>
            );
          })}
        </select>
        <label htmlFor={id('verifier')}>Verified by</label>
        <select id={id('verifier')} value={line.verifier} onChange={(e) => onChange({ ...line, verifier: e.target.value as VerifierId })}>
          {def.verifiers.map((v) => (
            <option key={v} value={v}>
              {entry(rules, 'verifiers', v).name}
            </option>
          ))}
        </select>
        <label htmlFor={id('green')}>
          <span aria-hidden="true">●</span> On green
        </label>
        <select id={id('green')} value={line.onGreen} onChange={(e) => onChange({ ...line, onGreen: e.target.value as TriggerId })}>
          {def.triggers.green.map((t) => (
            <option key={t} value={t}>
              {entry(rules, 'triggers', t).name}
            </option>
          ))}
        </select>
        <label htmlFor={id('red')}>
          <span aria-hidden="true">■</span> On red
        </label>
        <select id={id('red')} value={line.onRed} onChange={(e) => onChange({ ...line, onRed: e.target.value as TriggerId })}>
          {def.triggers.red.map((t) => (
            <option key={t} value={t}>
              {entry(rules, 'triggers', t).name}
            </option>
          ))}
        </select>
      </div>
      <p className="line-about">{def.text}</p>
      <p className="line-about">
        {entry(rules, 'verifiers', line.verifier).name} see through partial compliance or a cheat by {SEAT_NAMES[line.seat]}{' '}
        <strong>{percent(detectionChance(rules, G, line.verifier, line.seat))}</strong> of the time.
      </p>
      <ul className="trigger-notes">
        <li>
          <span aria-hidden="true">●</span> Green fires <strong>{green.name}</strong>: {green.text} ({describeEffects(rules, green.effects)})
        </li>
        <li>
          <span aria-hidden="true">■</span> Red fires <strong>{red.name}</strong>: {red.text} ({describeEffects(rules, red.effects)})
        </li>
      </ul>
      {verdict.ok ? null : <p className="why">{verdict.reason}</p>}
      <button type="button" className="link" onClick={onRemove}>
        Remove commitment {index + 1}
      </button>
    </fieldset>
  );
}
