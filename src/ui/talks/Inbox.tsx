/**
 * This round's proposals: accept, reject or counter those that name you; withdraw your own. A
 * spectator sees every proposal its view holds (none on the backchannel) and who is to answer.
 */
import { checkNegotiating, stageOf } from '../../game/stages';
import { checkAccept, checkAnswer, checkProposalRoom, checkWithdraw } from '../../game/proposals';
import { SEAT_NAMES } from '../../game/seats';
import type { Proposal } from '../../game/state';
import type { SeatId } from '../../game/types';
import { no, OK, type Verdict } from '../../game/verdict';
import { allOf } from '../engine';
import { nextEnabled } from '../focus';
import { useCtx, useG, useSend } from '../hooks';
import { useGame } from '../store';
import { CommitmentText } from './CommitmentText';
import { CHANNEL_WORDS } from './describe';
import { inSentence, proposalName } from './names';
import { SigningCost, signingCosts } from './SigningCost';
import { rules } from '../rules';
import { proposalTarget } from '../seat/unfinished';

/** After an answer the proposal's buttons go: on to the next proposal waiting for one, else to Done. */
const toNextAnswer = (from: Element) => () => nextEnabled('.inbox .proposal-open button.primary', from);

/** What this seat can do about an open proposal: answer it, counter it, or withdraw its own. */
function ProposalActions({ p, seat }: { p: Proposal; seat: SeatId }) {
  const G = useG((G) => G);
  const ctx = useCtx();
  const send = useSend();
  const setCounter = useGame((s) => s.setCounter);
  const negotiating = checkNegotiating(G.seats[seat], stageOf(ctx, seat));
  const mine = p.by === seat;
  const named = p.parties.includes(seat);
  const accept = allOf(negotiating, checkAccept(rules, G, seat, p.id));
  const reject = allOf(negotiating, checkAnswer(G, seat, p.id));
  const counter = allOf(reject, mine ? no('not-yours', 'You cannot counter your own proposal.') : OK, checkProposalRoom(rules, G, seat));
  const withdraw = allOf(negotiating, checkWithdraw(G, seat, p.id));
  const label = `proposal ${p.id}`;
  const price = signingCosts(G.flavour, p.commitments)[seat] ?? 0;
  const answering = named && !mine && !p.accepted.includes(seat);
  const blocked = answering ? [accept, reject, counter].find((v): v is Extract<Verdict, { ok: false }> => !v.ok) : undefined;
  return (
    <div className="button-row">
      {answering ? (
        <>
          <button
            type="button"
            className="primary"
            aria-label={`Accept ${label}`}
            aria-describedby={`cost-${p.id}`}
            disabled={!accept.ok}
            onClick={(e) => send('accept', [p.id], accept, `Accept ${label}`, toNextAnswer(e.currentTarget))}
          >
            Accept{price ? ` (you pay ${price} capital)` : ''}
          </button>
          <button type="button" aria-label={`Reject ${label}`} disabled={!reject.ok} onClick={(e) => send('reject', [p.id], reject, `Reject ${label}`, toNextAnswer(e.currentTarget))}>
            Reject
          </button>
          <button
            type="button"
            aria-label={`Counter ${label}`}
            disabled={!counter.ok}
            onClick={() => setCounter({ id: p.id, draft: { channel: p.channel, commitments: p.commitments } })}
          >
            Counter…
          </button>
        </>
      ) : null}
      {mine ? (
        <button
          type="button"
          aria-label={`Withdraw ${label}`}
          disabled={!withdraw.ok}
          onClick={() => send('withdraw', [p.id], withdraw, `Withdraw ${label}`)}
        >
          Withdraw
        </button>
      ) : null}
      {blocked ? <p className="why">{blocked.reason}</p> : null}
      {answering ? null : (
        <p className="muted">
          {named ? '' : 'Not addressed to you. '}
          <Waiting p={p} />
        </p>
      )}
    </div>
  );
}

const Waiting = ({ p }: { p: Proposal }) => <>Waiting for {p.parties.filter((s) => !p.accepted.includes(s)).map((s) => SEAT_NAMES[s]).join(', ')}.</>;

/** A proposal as the table sees it; a seat also gets what it can do about it, a spectator only who is to answer. */
function ProposalCard({ p }: { p: Proposal }) {
  const seat = useGame((s) => s.seat);
  const round = useG((G) => G.round);
  return (
    <li className={`proposal proposal-${p.status}`}>
      <h3 id={proposalTarget(p.id)} tabIndex={-1}>
        {proposalName(p.id)} <span className="muted">from {SEAT_NAMES[p.by]} · {CHANNEL_WORDS[p.channel]}</span>
        {p.replaces !== undefined ? <span className="muted"> · counters {inSentence(proposalName(p.replaces))}</span> : null}
      </h3>
      {p.status === 'open' ? (
        <p className="lapse-note">{p.round < round ? 'Tabled last round: it lapses when this round ends.' : 'Unanswered, it stays on the table one more round, then lapses.'}</p>
      ) : null}
      <ul className="line-list">
        {p.commitments.map((c, i) => (
          <li key={i}>
            <CommitmentText c={c} />
          </li>
        ))}
      </ul>
      <SigningCost commitments={p.commitments} id={`cost-${p.id}`} />
      <p className="parties">
        {p.parties.map((s) => `${SEAT_NAMES[s]} ${p.accepted.includes(s) ? '✓ accepted' : '… to answer'}`).join(' · ')}
      </p>
      {p.status !== 'open' ? (
        <p className="muted">Status: {p.status}.</p>
      ) : seat === null ? (
        <p className="muted">
          <Waiting p={p} />
        </p>
      ) : (
        <ProposalActions p={p} seat={seat} />
      )}
    </li>
  );
}

export function Inbox() {
  const proposals = useG((G) => G.proposals);
  const open = proposals.filter((p) => p.status === 'open');
  const closed = proposals.filter((p) => p.status !== 'open');
  return (
    <section className="panel inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Proposals on the table ({open.length})</h2>
      {open.length === 0 ? (
        <p className="muted">No open proposal. An unanswered proposal stays on the table for one more round, then lapses.</p>
      ) : null}
      <ul className="proposal-list">
        {open.map((p) => (
          <ProposalCard key={p.id} p={p} />
        ))}
      </ul>
      {closed.length ? (
        <details>
          <summary>Settled this round ({closed.length})</summary>
          <ul className="proposal-list">
            {closed.map((p) => (
              <ProposalCard key={p.id} p={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
