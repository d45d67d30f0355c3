/**
 * The proposal builder: compose a package from the commitment menu, pick the channel, and see the
 * engine's verdict live. A counter opens here prefilled with the proposal it answers.
 */
import { useEffect, useRef, useState } from 'react';
import { checkNegotiating, stageOf } from '../../game/stages';
import { checkAnswer, checkDraft, checkProposalRoom } from '../../game/proposals';
import type { Commitment, ProposalDraft } from '../../game/state';
import { CHANNELS, type Channel } from '../../game/types';
import { allOf } from '../engine';
import { useCtx, useG, useSeat, useSend } from '../hooks';
import { useGame } from '../store';
import { CommitmentLine } from './CommitmentLine';
import { CHANNEL_WORDS } from './describe';
import { nextLine } from './drafts';
import { SigningCost } from './SigningCost';
import { rules } from '../rules';
import { proposalTarget } from '../seat/unfinished';
import { inSentence, proposalName } from './names';

export function ProposalBuilder() {
  const G = useG((G) => G);
  const ctx = useCtx();
  const seat = useSeat();
  const send = useSend();
  const counter = useGame((s) => s.counter);
  const setCounter = useGame((s) => s.setCounter);
  const fresh = (): ProposalDraft => ({ channel: 'shuttle', commitments: [nextLine(G, seat, [])] });
  const [draft, setDraft] = useState<ProposalDraft>(() => (counter ? structuredClone(counter.draft) : fresh()));
  const [open, setOpen] = useState(counter !== null);
  const max = rules.negotiation.limits.commitmentsPerProposal;
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // Opening by hand moves the focus to the first choice in the builder, the channel; closing, back to the opener.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (open ? body.current?.querySelector<HTMLElement>('input:checked, input, select') : opener.current)?.focus();
  }, [open]);
  // A counter opens the builder wherever it is on the page: bring it into view and give it focus.
  useEffect(() => {
    if (!counter) return;
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [counter]);

  const verdict = allOf(
    checkNegotiating(G.seats[seat], stageOf(ctx, seat)),
    counter ? checkAnswer(G, seat, counter.id) : { ok: true },
    checkProposalRoom(rules, G, seat),
    checkDraft(rules, G, seat, draft),
  );
  const setLine = (i: number, line: Commitment) => setDraft({ ...draft, commitments: draft.commitments.map((c, j) => (j === i ? line : c)) });
  const removeLine = (i: number) => setDraft({ ...draft, commitments: draft.commitments.filter((_, j) => j !== i) });
  const addLine = () => setDraft({ ...draft, commitments: [...draft.commitments, nextLine(G, seat, draft.commitments)] });

  // Once sent, the focus goes to the proposal on the table, where its answers will show.
  const toSent = () => {
    const mine = useGame.getState().view?.G.proposals.filter((p) => p.by === seat && p.status === 'open');
    const sent = mine?.at(-1);
    return sent ? document.getElementById(proposalTarget(sent.id)) : opener.current;
  };
  const submit = () => {
    const ok = counter
      ? send('counter', [counter.id, draft], verdict, `Counter to proposal ${counter.id}`, toSent)
      : send('propose', [draft], verdict, 'Proposal', toSent);
    if (ok) {
      setDraft(fresh());
      setCounter(null);
      setOpen(false);
    }
  };

  return (
    <section className="panel builder" aria-labelledby="builder-title">
      <h2 id="builder-title" ref={heading} tabIndex={-1}>
        {counter ? `Counter ${inSentence(proposalName(counter.id))}` : 'Draft a proposal'}
      </h2>
      {!open ? (
        <button
          ref={opener}
          type="button"
          aria-expanded="false"
          aria-controls="builder-body"
          onClick={() => {
            moved.current = true;
            setOpen(true);
          }}
        >
          Open the proposal builder
        </button>
      ) : (
        <div id="builder-body" ref={body}>
          <fieldset className="channels-pick">
            <legend>Channel</legend>
            {CHANNELS.map((c: Channel) => (
              <label key={c} className="radio">
                <input type="radio" name="channel" value={c} checked={draft.channel === c} onChange={() => setDraft({ ...draft, channel: c })} />
                {CHANNEL_WORDS[c]}
              </label>
            ))}
          </fieldset>
          {draft.commitments.map((line, i) => (
            <CommitmentLine key={i} index={i} line={line} onChange={(l) => setLine(i, l)} onRemove={() => removeLine(i)} />
          ))}
          <button type="button" onClick={addLine} disabled={draft.commitments.length >= max}>
            Add a commitment{draft.commitments.length >= max ? ` (at most ${max})` : ''}
          </button>
          <SigningCost commitments={draft.commitments} />
          <div className={verdict.ok ? 'verdict ok' : 'verdict refused'} role="status" aria-live="polite">
            {verdict.ok ? '✓ This package can be sent.' : `✗ ${verdict.reason}`}
          </div>
          <div className="button-row">
            <button type="button" className="primary" onClick={submit} aria-disabled={!verdict.ok}>
              {counter ? 'Send counter-proposal' : 'Send proposal'}
            </button>
            <button
              type="button"
              onClick={() => {
                moved.current = true;
                setCounter(null);
                setDraft(fresh());
                setOpen(false);
              }}
            >
              {counter ? 'Cancel counter' : 'Close'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
