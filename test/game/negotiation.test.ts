/**
 * Negotiation: proposals (propose, counter, accept, reject, withdraw), every reason a proposal is
 * refused, channels, limits, lapsing, and agreements carried out step by step.
 *
 * Positions are built from a real match (the round-1 incident answered, every seat negotiating)
 * and set to a calm board with `setG`, where no domestic pressure applies and no track is at a
 * bound. The incident that opens the next round is forced to be `congress-shift` (it only costs the
 * United States capital), so the effects of a step resolving at the end of a round can be measured
 * on the other tracks. Expected values come from rules/*.json, worked out here by hand.
 */
import { describe, expect, it } from 'vitest';
import { lastRoundWithin } from '../../src/game/calendar';
import { logLines } from '../../src/game/log';
import measuresJson from '../../rules/measures.json';
import negotiationJson from '../../rules/negotiation.json';
import triggersJson from '../../rules/triggers.json';
import verifiersJson from '../../rules/verifiers.json';
import { checkDraft } from '../../src/game/proposals';
import type { SeatId } from '../../src/game/types';
import type { RefusalCode } from '../../src/game/verdict';
import { INVALID, UNAVAILABLE, active, answerIncident, everyLine, finishRound, newMatch, ok, refused, setG, type Match } from '../harness';
import { LAST_ROUND, addMeasure, agree, cdef, lastProposal, line, m$, negotiating, pause, reset, shuttle } from '../negotiation';
import { DEFAULT_RULES as rules } from '../../src/game';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LIMITS = negotiationJson.limits;
const trigger = (id: string) => triggersJson.find((t) => t.id === id)!;

/** Moves the (constructed) match to `round`, keeping it in that round's negotiation. */
function atRound(m: Match, round: number): void {
  setG(m, (G) => {
    G.round = round;
  });
}

/** Tries seeds until `attempt` returns a match (its outcome found); fails after `tries`. */
function firstSeed<T>(tries: number, attempt: (seed: string) => T | undefined): T {
  for (let i = 0; i < tries; i++) {
    const found = attempt(`seq-${i}`);
    if (found !== undefined) return found;
  }
  throw new Error(`no seed in ${tries} gave the outcome`);
}

// ---------------------------------------------------------------------------------------------
// From proposal to green
// ---------------------------------------------------------------------------------------------

describe('an agreement from proposal to a green light', () => {
  it('U.S. proposes an enrichment pause for relief; Iran and the Mediator accept; Iran complies; relief is released', () => {
    // The EU settles an ambiguous finding green, so full compliance is always green.
    const m = negotiating({ flavour: 'eu' });
    const draft = shuttle(pause(1));
    ok(m, '0', 'propose', draft);
    let G = m.state.G;
    expect(G.proposals).toHaveLength(1);
    const p = G.proposals[0];
    expect(p).toMatchObject({ by: '0', round: 1, channel: 'shuttle', parties: ['0', '1', '2'], accepted: ['0'], status: 'open', leaked: false });
    expect(p.commitments).toEqual(draft.commitments);
    expect(p.replaces).toBeUndefined();
    expect(G.proposedThisRound['0']).toBe(1);
    expect(logLines(G, '0').at(-1)!.text).toContain(`proposal ${p.id}`);
    expect(logLines(G, '0').at(-1)!.to).toBeUndefined();

    ok(m, '1', 'accept', p.id);
    G = m.state.G;
    expect(G.proposals[0].status).toBe('open');
    expect(G.proposals[0].accepted).toEqual(['0', '1']);
    expect(G.agreements).toEqual([]);

    const signing = structuredClone(m.state.G);
    ok(m, '2', 'accept', p.id);
    G = m.state.G;
    expect(G.proposals[0].status).toBe('agreed');
    expect(G.agreements).toHaveLength(1);
    const a = G.agreements[0];
    expect(a).toMatchObject({ proposal: p.id, channel: 'shuttle', parties: ['0', '1', '2'], round: 1, leaked: false });
    expect(a.steps).toHaveLength(1);
    const { id: stepId, ...rest } = a.steps[0];
    expect(rest).toEqual({ ...pause(1), status: 'pending' });
    // Proposals and agreements count apart; a step is numbered within its agreement.
    expect([p.id, a.id, stepId]).toEqual(['1', '1', '1.1']);
    expect(everyLine(G).some((e) => e.text.startsWith(`Agreement ${a.id} reached on proposal ${p.id}`))).toBe(true);
    // Iran paid the pause's political price on signing, and the log says so.
    expect(G.seats['1'].capital).toBe(signing.seats['1'].capital - cdef('enrichment-pause').capital);
    const signed = everyLine(G).find((e) => e.text.startsWith(`Agreement ${a.id} reached`))!;
    expect(signed.text).toContain(`Paid on signing: Iranian political capital −${cdef('enrichment-pause').capital}.`);

    ok(m, '1', 'comply', stepId, 'comply');
    const before = structuredClone(m.state.G);
    finishRound(m);
    G = m.state.G;
    expect(G.round).toBe(2);
    const step = G.agreements[0].steps[0];
    expect(step.status).toBe('green');

    // relief-tranche: sanctions −1 and Iran +1 capital.
    const relief = trigger('relief-tranche').effects as unknown as { sanctions: number; capital: Record<string, number> };
    expect(G.sanctions.level).toBe(before.sanctions.level + relief.sanctions);
    expect(G.sanctions.level).toBe(3);
    expect(G.seats['1'].capital).toBe(before.seats['1'].capital + relief.capital['1']);
    expect(G.trust).toBe(before.trust + negotiationJson.results.green.trust);
    expect(G.trust).toBe(4);
    const months = measuresJson.find((x) => x.id === 'enrichment-pause')!.durationMonths!;
    expect(G.measures).toContainEqual({ id: 'enrichment-pause', by: '1', until: lastRoundWithin(G.schedule, 1, months) });
    // The pause held the stockpile.
    expect(G.nuclear.stockpile).toBe(before.nuclear.stockpile);

    const iaea = verifiersJson.find((v) => v.id === 'iaea')!;
    expect(step.report).toBeDefined();
    expect(step.report).toContain(iaea.name);
    expect(step.report).toContain('GREEN');
    expect(step.report).toContain('round 1');
    const entry = everyLine(G).find((e) => e.text === step.report);
    expect(entry).toMatchObject({ round: 1, step: 'implementation' });
    expect(entry!.to).toBeUndefined();
    // The secret choice is spent; nothing was hidden.
    expect(G.secrets['1'].choices).toEqual({});
    expect(G.secrets['1'].cheats).toEqual([]);
  });
});

describe('the asset release to escrow needs the escrow account', () => {
  const toEscrow = { ...pause(1), onGreen: 'asset-tranche' };

  it('with audited escrow in place, a green moves $1bn from frozen assets into escrow', () => {
    const m = negotiating({ flavour: 'eu' });
    setG(m, (G) => addMeasure(G, 'escrow-channel'));
    agree(m, shuttle(toEscrow));
    const before = structuredClone(m.state.G.sanctions);
    finishRound(m);
    expect(m.state.G.sanctions).toEqual({ ...before, frozenAssets: before.frozenAssets - 1, escrow: before.escrow + 1 });
  });

  it('if the account is gone by the time it falls due, the green fires nothing into escrow', () => {
    const m = negotiating({ flavour: 'eu' });
    setG(m, (G) => addMeasure(G, 'escrow-channel'));
    agree(m, shuttle(toEscrow));
    setG(m, (G) => {
      G.measures = G.measures.filter((x) => x.id !== 'escrow-channel');
    });
    const before = structuredClone(m.state.G.sanctions);
    finishRound(m);
    const step = m.state.G.agreements[0].steps[0];
    expect(step.status).toBe('green');
    expect(m.state.G.sanctions).toEqual(before);
    expect(step.report).toMatch(/cannot fire/);
  });
});

describe('the reciprocal detainee release runs both ways', () => {
  // Each capital's verified step can be answered by the other releasing one of the nationals it holds.
  it.each([
    { by: '0', step: pause(1), onGreen: 'reciprocal-release', releaser: 'US' },
    { by: '1', step: line('sanctions-moratorium', 1), onGreen: 'reciprocal-release-by-iran', releaser: 'Iran' },
  ] as const)('on green, $releaser releases one in return', ({ by, step, onGreen, releaser }) => {
    // The EU settles an ambiguous finding green, so full compliance is always green.
    const m = negotiating({ flavour: 'eu' });
    agree(m, shuttle({ ...step, onGreen }), by);
    const before = structuredClone(m.state.G.detainees);
    finishRound(m);
    const after = m.state.G.detainees;
    expect(after[`heldBy${releaser}`]).toBe(before[`heldBy${releaser}`] - 1);
    expect(after[`releasedBy${releaser}`]).toBe(before[`releasedBy${releaser}`] + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Every reason a proposal is refused
// ---------------------------------------------------------------------------------------------

describe('propose: every reason for refusal', () => {
  it('the base draft used below is accepted (control)', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(2)));
    expect(m.state.G.proposals).toHaveLength(1);
  });

  const cases: [string, unknown, RefusalCode][] = [
    ['null', null, 'malformed'],
    ['a string', 'shuttle', 'malformed'],
    ['a number', 42, 'malformed'],
    ['an array', [shuttle(pause(2))], 'malformed'],
    ['an unknown field', { ...shuttle(pause(2)), note: 'between us' }, 'malformed'],
    ['a bad channel', { channel: 'carrier-pigeon', commitments: [pause(2)] }, 'malformed'],
    ['no channel', { commitments: [pause(2)] }, 'malformed'],
    ['no commitments field', { channel: 'shuttle' }, 'malformed'],
    ['commitments not an array', { channel: 'shuttle', commitments: pause(2) }, 'malformed'],
    ['zero commitments', shuttle(), 'package'],
    ['a commitment that is not an object', shuttle(null), 'malformed'],
    ['a commitment given by id', shuttle('enrichment-pause'), 'malformed'],
    ['an unknown field in a commitment', shuttle({ ...pause(2), secret: true }), 'malformed'],
    ['an unknown commitment', shuttle({ ...pause(2), what: 'teleport-centrifuges' }), 'unknown'],
    ['the wrong seat for the commitment', shuttle({ ...pause(2), seat: '0' }), 'not-yours'],
    ['a seat that does not exist', shuttle({ ...pause(2), seat: '3' }), 'malformed'],
    ['due before the current round', shuttle(pause(0)), 'terms'],
    ['due after the last round', shuttle(pause(LAST_ROUND + 1)), 'terms'],
    ['due not an integer', shuttle(pause(1.5)), 'malformed'],
    ['due as a string', shuttle({ ...pause(2), due: '2' }), 'malformed'],
    ['due NaN', shuttle({ ...pause(2), due: Number.NaN }), 'malformed'],
    ['due in a phase the commitment does not allow', shuttle(line('centrifuge-limit', 2)), 'wrong-time'],
    ['a verifier the commitment does not allow', shuttle({ ...pause(2), verifier: 'auditors' }), 'terms'],
    ['an unknown verifier', shuttle({ ...pause(2), verifier: 'cia' }), 'terms'],
    ['a green trigger the commitment does not allow', shuttle({ ...pause(2), onGreen: 'access-step' }), 'terms'],
    ['a red trigger in the green slot', shuttle({ ...pause(2), onGreen: 'snapback' }), 'terms'],
    ['a green trigger in the red slot', shuttle({ ...pause(2), onRed: 'relief-tranche' }), 'terms'],
    ['a red trigger the commitment does not allow', shuttle({ ...pause(2), onRed: 'access-suspended' }), 'terms'],
    ['a requirement unmet (asset release without the escrow channel)', shuttle(pause(4), line('asset-release', 4)), 'unmet'],
    ['an asset release to escrow on green with no escrow account', shuttle({ ...pause(2), onGreen: 'asset-tranche' }), 'unmet'],
    // Remote surveillance, the first tier above basic safeguards, opens in Phase II (months 3–9).
    ['an IAEA access step falling due in Phase I', shuttle(line('iaea-access-step', 3)), 'wrong-time'],
    ['further IAEA access on green in Phase I', shuttle(pause(3), line('sanctions-moratorium', 3, { onGreen: 'access-step' })), 'wrong-time'],
    ['a duplicate line', shuttle(pause(2), pause(2)), 'package'],
    ['a duplicate line with other triggers', shuttle(pause(2), { ...pause(2), onGreen: 'public-welcome' }), 'package'],
    ["only the proposer's own commitments", shuttle(line('strike-moratorium', 2)), 'package'],
    ['a direct proposal between the capitals in Phase I', { channel: 'direct', commitments: [pause(2)] }, 'channel'],
    ['a backchannel without a secure backchannel', { channel: 'backchannel', commitments: [pause(2)] }, 'channel'],
  ];

  it('IAEA access, as a step or on green, may fall due once Phase II opens remote surveillance', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(line('iaea-access-step', 4)));
    ok(m, '0', 'propose', shuttle(pause(4), line('sanctions-moratorium', 4, { onGreen: 'access-step' })));
  });

  it.each(cases)('refuses %s', (_name, draft, code) => {
    const m = negotiating();
    const v = checkDraft(rules, m.state.G, '0', draft);
    expect(v).toEqual({ ok: false, code, reason: expect.any(String) });
    refused(m, '0', 'propose', [draft]);
  });

  it(`refuses more than ${LIMITS.commitmentsPerProposal} commitments (and accepts exactly ${LIMITS.commitmentsPerProposal})`, () => {
    const pool = [pause(1), pause(2), pause(3), line('naval-notifications', 2), line('proxy-restraint', 2), line('iaea-access-step', 4)];
    expect(pool.length).toBeGreaterThan(LIMITS.commitmentsPerProposal);
    const m = negotiating();
    refused(m, '0', 'propose', [shuttle(...pool.slice(0, LIMITS.commitmentsPerProposal + 1))]);
    ok(m, '0', 'propose', shuttle(...pool.slice(0, LIMITS.commitmentsPerProposal)));
    expect(lastProposal(m).commitments).toHaveLength(LIMITS.commitmentsPerProposal);
  });

  it('refuses a due round already past (round 2, due 1)', () => {
    const m = negotiating();
    atRound(m, 2);
    refused(m, '0', 'propose', [shuttle(pause(1))]);
    ok(m, '0', 'propose', shuttle(pause(2)));
  });

  it('accepts the last round and a phase the commitment allows', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(LAST_ROUND)));
    ok(m, '0', 'propose', shuttle(line('centrifuge-limit', 7)));
  });

  it('asset release needs the escrow channel: accepted once it is in place', () => {
    const m = negotiating();
    refused(m, '1', 'propose', [shuttle(line('asset-release', 4))]);
    setG(m, (G) => addMeasure(G, 'escrow-channel'));
    ok(m, '1', 'propose', shuttle(line('asset-release', 4)));
    // Switzerland brings the channel from the start.
    const swiss = negotiating({ flavour: 'switzerland' });
    ok(swiss, '1', 'propose', shuttle(line('asset-release', 4)));
  });

  it('a metric requirement: no detainee tranche from Iran when it holds nobody', () => {
    const m = negotiating();
    setG(m, (G) => {
      G.detainees.heldByIran = 0;
    });
    refused(m, '0', 'propose', [shuttle(line('iran-detainee-tranche', 2))]);
    setG(m, (G) => {
      G.detainees.heldByIran = 1;
    });
    ok(m, '0', 'propose', shuttle(line('iran-detainee-tranche', 2)));
  });

  it('direct talks between the capitals: refused in Phase I, allowed once Direct talks is in place, and in Phase II', () => {
    const m = negotiating();
    const direct = { channel: 'direct', commitments: [pause(4)] };
    refused(m, '0', 'propose', [direct]);
    refused(m, '1', 'propose', [{ channel: 'direct', commitments: [line('strike-moratorium', 2)] }]);
    setG(m, (G) => addMeasure(G, 'direct-talks'));
    ok(m, '0', 'propose', direct);
    expect(lastProposal(m).parties).toEqual(['0', '1']);

    const phase2 = negotiating();
    atRound(phase2, 4);
    ok(phase2, '0', 'propose', direct);
    expect(lastProposal(phase2)).toMatchObject({ channel: 'direct', parties: ['0', '1'] });
  });

  it('a backchannel needs a secure backchannel in place', () => {
    const m = negotiating();
    const back = { channel: 'backchannel', commitments: [line('host-escrow', 4)] };
    refused(m, '0', 'propose', [back]);
    setG(m, (G) => addMeasure(G, 'secure-backchannel'));
    ok(m, '0', 'propose', back);
    expect(lastProposal(m)).toMatchObject({ channel: 'backchannel', parties: ['0', '2'], leaked: false });
  });

  it(`refuses a ${LIMITS.openProposalsPerSeat + 1}th open proposal; a withdrawal makes room`, () => {
    const m = negotiating();
    for (let i = 0; i < LIMITS.openProposalsPerSeat; i++) ok(m, '0', 'propose', shuttle(pause(2 + i)));
    refused(m, '0', 'propose', [shuttle(pause(5))]);
    // Another seat is not affected.
    ok(m, '1', 'propose', shuttle(line('strike-moratorium', 2)));
    ok(m, '0', 'withdraw', m.state.G.proposals[0].id);
    ok(m, '0', 'propose', shuttle(pause(5)));
  });

  it(`refuses a ${LIMITS.proposalsPerRound + 1}th proposal in a round even with room for more open`, () => {
    expect(LIMITS.proposalsPerRound).toBeGreaterThan(LIMITS.openProposalsPerSeat);
    const m = negotiating();
    for (let i = 0; i < LIMITS.proposalsPerRound; i++) {
      ok(m, '0', 'propose', shuttle(pause(2 + i)));
      ok(m, '0', 'withdraw', lastProposal(m).id);
    }
    expect(m.state.G.proposedThisRound['0']).toBe(LIMITS.proposalsPerRound);
    refused(m, '0', 'propose', [shuttle(pause(7))]);
    // The count starts again next round.
    finishRound(m);
    expect(m.state.G.round).toBe(2);
    answerIncident(m);
    expect(m.state.G.proposedThisRound['0']).toBe(0);
    ok(m, '0', 'propose', shuttle(pause(7)));
  });

  it('refuses a proposal after the seat has said Done', () => {
    const m = negotiating();
    ok(m, '0', 'done');
    refused(m, '0', 'propose', [shuttle(pause(2))], [INVALID, UNAVAILABLE]);
  });

  it('refuses a proposal while the seat must answer the incident, and from a seat not yet negotiating', () => {
    const m = firstSeed(40, (seed) => {
      const x = newMatch({ seed });
      return Object.values(active(x)).includes('respond') ? x : undefined;
    });
    const [responder] = Object.keys(active(m)) as SeatId[];
    const other = (['0', '1', '2'] as SeatId[]).find((s) => s !== responder)!;
    const draft = shuttle(responder === '1' ? line('strike-moratorium', 2) : pause(2));
    refused(m, responder, 'propose', [draft], [INVALID, UNAVAILABLE]);
    refused(m, other, 'propose', [shuttle(other === '1' ? line('strike-moratorium', 2) : pause(2))], [INVALID, UNAVAILABLE]);
  });

  it('refuses extra arguments', () => {
    const m = negotiating();
    refused(m, '0', 'propose', [shuttle(pause(2)), 'and another thing']);
    refused(m, '0', 'propose', []);
  });
});

// ---------------------------------------------------------------------------------------------
// Answering proposals
// ---------------------------------------------------------------------------------------------

describe('accept, reject, withdraw, counter', () => {
  it('accept is refused for a non-party, a second acceptance, an unknown id and extra arguments', () => {
    const m = negotiating();
    setG(m, (G) => addMeasure(G, 'direct-talks'));
    ok(m, '0', 'propose', { channel: 'direct', commitments: [pause(2)] });
    const direct = lastProposal(m);
    expect(direct.parties).toEqual(['0', '1']);
    refused(m, '2', 'accept', [direct.id]);
    refused(m, '0', 'accept', [direct.id]);
    refused(m, '1', 'accept', ['1000']);
    refused(m, '1', 'accept', [Number(direct.id)]);
    refused(m, '1', 'accept', [direct.id, 'yes']);

    ok(m, '0', 'propose', shuttle(pause(3)));
    const p = lastProposal(m);
    ok(m, '1', 'accept', p.id);
    refused(m, '1', 'accept', [p.id]);
    expect(m.state.G.agreements).toEqual([]);
  });

  it('an agreement cannot be accepted again once it is agreed', () => {
    const m = negotiating();
    const a = agree(m, shuttle(pause(2)));
    refused(m, '1', 'accept', [a.proposal]);
    refused(m, '2', 'reject', [a.proposal]);
    refused(m, '0', 'withdraw', [a.proposal]);
    expect(m.state.G.agreements).toHaveLength(1);
  });

  it('withdraw: only the proposer; a withdrawn proposal cannot be accepted', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(2)));
    const p = lastProposal(m);
    refused(m, '1', 'withdraw', [p.id]);
    refused(m, '2', 'withdraw', [p.id]);
    refused(m, '0', 'withdraw', [p.id + 1000]);
    ok(m, '1', 'accept', p.id);
    ok(m, '0', 'withdraw', p.id);
    expect(lastProposal(m).status).toBe('withdrawn');
    expect(logLines(m.state.G, '0').at(-1)!.text).toContain(`withdraws proposal ${p.id}`);
    refused(m, '2', 'accept', [p.id]);
    refused(m, '0', 'withdraw', [p.id]);
    expect(m.state.G.agreements).toEqual([]);
  });

  it('reject: a party ends the proposal; it cannot be accepted afterwards; a non-party cannot reject', () => {
    const m = negotiating();
    setG(m, (G) => addMeasure(G, 'direct-talks'));
    ok(m, '0', 'propose', { channel: 'direct', commitments: [pause(2)] });
    const direct = lastProposal(m);
    refused(m, '2', 'reject', [direct.id]);

    ok(m, '0', 'propose', shuttle(pause(3)));
    const p = lastProposal(m);
    ok(m, '1', 'accept', p.id);
    ok(m, '2', 'reject', p.id);
    expect(m.state.G.proposals.find((x) => x.id === p.id)!.status).toBe('rejected');
    expect(logLines(m.state.G, '2').at(-1)!.text).toContain(`rejects proposal ${p.id}`);
    refused(m, '2', 'accept', [p.id]);
    refused(m, '1', 'reject', [p.id]);
    expect(m.state.G.agreements).toEqual([]);
  });

  it("counter marks the original 'countered' and tables a new proposal that replaces it", () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(2)));
    const p = lastProposal(m);
    const draft = shuttle(line('strike-moratorium', 2), pause(3));
    ok(m, '1', 'counter', p.id, draft);
    const G = m.state.G;
    expect(G.proposals).toHaveLength(2);
    expect(G.proposals[0].status).toBe('countered');
    const c = G.proposals[1];
    expect(c).toMatchObject({ by: '1', replaces: p.id, status: 'open', accepted: ['1'], parties: ['0', '1', '2'], channel: 'shuttle' });
    expect(c.commitments).toEqual(draft.commitments);
    expect(c.id).not.toBe(p.id);
    expect(G.proposedThisRound['1']).toBe(1);
    expect(logLines(G, '1').at(-1)!.text).toContain(`counters proposal ${p.id}`);
    // The original is closed; the counter can be agreed.
    refused(m, '2', 'accept', [p.id]);
    ok(m, '0', 'accept', c.id);
    ok(m, '2', 'accept', c.id);
    expect(m.state.G.agreements).toHaveLength(1);
    expect(m.state.G.agreements[0].proposal).toBe(c.id);
  });

  it('counter is refused for your own proposal, a bad draft, a non-party, and a closed proposal', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(2)));
    const p = lastProposal(m);
    refused(m, '0', 'counter', [p.id, shuttle(pause(3))]);
    refused(m, '1', 'counter', [p.id, shuttle(line('centrifuge-limit', 2))]);
    refused(m, '1', 'counter', [p.id, shuttle(line('strike-moratorium', 2)), 'extra']);
    refused(m, '1', 'counter', [p.id + 1000, shuttle(line('strike-moratorium', 2))]);
    setG(m, (G) => addMeasure(G, 'direct-talks'));
    ok(m, '0', 'propose', { channel: 'direct', commitments: [pause(3)] });
    refused(m, '2', 'counter', [lastProposal(m).id, shuttle(pause(4))]);
    ok(m, '0', 'withdraw', p.id);
    refused(m, '1', 'counter', [p.id, shuttle(line('strike-moratorium', 2))]);
  });

  // src/game/proposals.ts (lapseProposals): an open proposal stays on the table through the round
  // after it was tabled, so a seat that said Done before it arrived can still answer it; then it lapses.
  it('an open proposal stays on the table through the next round and can be agreed there', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(3)));
    const p = lastProposal(m);
    ok(m, '1', 'accept', p.id);
    finishRound(m);
    answerIncident(m);
    expect(m.state.G.round).toBe(2);
    expect(m.state.G.proposals).toHaveLength(1);
    expect(m.state.G.proposals[0]).toMatchObject({ id: p.id, status: 'open', accepted: ['0', '1'], round: 1 });
    // A carried-over proposal does not count against this round's allowance.
    expect(m.state.G.proposedThisRound['0']).toBe(0);
    ok(m, '2', 'accept', p.id);
    expect(m.state.G.agreements).toHaveLength(1);
    expect(m.state.G.agreements[0]).toMatchObject({ proposal: p.id, round: 2 });
  });

  it('answered proposals leave the table at the end of the round; unanswered ones lapse a round later', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(3)));
    const p = lastProposal(m);
    ok(m, '1', 'accept', p.id);
    ok(m, '0', 'propose', shuttle(pause(4)));
    const q = lastProposal(m);
    ok(m, '0', 'withdraw', q.id);
    ok(m, '1', 'propose', shuttle(line('strike-moratorium', 3)));
    const r = lastProposal(m);
    ok(m, '0', 'reject', r.id);
    finishRound(m);
    answerIncident(m);
    expect(m.state.G.proposals.map((x) => x.id)).toEqual([p.id]);
    expect(everyLine(m.state.G).some((e) => e.text.includes('lapses'))).toBe(false);
    reset(m);
    finishRound(m);
    answerIncident(m);
    const G = m.state.G;
    expect(G.round).toBe(3);
    expect(G.proposals).toEqual([]);
    expect(G.agreements).toEqual([]);
    expect(everyLine(G).some((e) => e.round === 2 && e.text === `Proposal ${p.id} lapses unanswered.`)).toBe(true);
    refused(m, '2', 'accept', [p.id]);
  });

  it('a carried-over proposal whose step fell due meanwhile can no longer be agreed', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(1)));
    const p = lastProposal(m);
    finishRound(m);
    answerIncident(m);
    if (m.state.G.proposals.some((x) => x.id === p.id)) refused(m, '1', 'accept', [p.id]);
    expect(m.state.G.agreements).toEqual([]);
  });

  it('accepting is refused once a measure the package needs is gone', () => {
    const m = negotiating({ flavour: 'switzerland' });
    atRound(m, 4);
    ok(m, '1', 'propose', { channel: 'direct', commitments: [line('asset-release', 4)] });
    const p = lastProposal(m);
    expect(p.parties).toEqual(['0', '1']);
    setG(m, (G) => {
      G.measures = G.measures.filter((x) => x.id !== 'escrow-channel');
    });
    refused(m, '0', 'accept', [p.id]);
    setG(m, (G) => addMeasure(G, 'escrow-channel'));
    ok(m, '0', 'accept', p.id);
    expect(m.state.G.agreements).toHaveLength(1);
  });
});

describe('a backchannel closes', () => {
  /** Phase II (constructed): the U.S. asks Iran, over the backchannel, for a pause due round 6. */
  function backchannelOffer(until: number | null) {
    const m = negotiating();
    setG(m, (G) => {
      G.round = 4;
      G.measures.push({ id: m$('secure-backchannel'), by: '2', until });
    });
    ok(m, '0', 'propose', { channel: 'backchannel', commitments: [pause(6)] });
    const p = lastProposal(m);
    expect(p.parties).toEqual(['0', '1']);
    return { m, p };
  }

  it('accepting a backchannel proposal is refused once the secure backchannel is gone', () => {
    const { m, p } = backchannelOffer(null);
    setG(m, (G) => {
      G.measures = G.measures.filter((x) => x.id !== 'secure-backchannel');
    });
    refused(m, '1', 'accept', [p.id]);
    setG(m, (G) => addMeasure(G, 'secure-backchannel'));
    ok(m, '1', 'accept', p.id);
    expect(m.state.G.agreements).toHaveLength(1);
  });

  it('a backchannel proposal carried into the round after the channel lapsed cannot be agreed over it', () => {
    // The secure backchannel's window closes with round 4; the proposal is still on the table in round 5.
    const { m, p } = backchannelOffer(4);
    finishRound(m);
    answerIncident(m);
    expect(m.state.G.round).toBe(5);
    expect(m.state.G.measures.some((x) => x.id === 'secure-backchannel')).toBe(false);
    if (m.state.G.proposals.some((x) => x.id === p.id && x.status === 'open')) refused(m, '1', 'accept', [p.id]);
    expect(m.state.G.agreements.filter((a) => a.channel === 'backchannel')).toEqual([]);
  });
});

describe('shuttle diplomacy', () => {
  it('needs the Mediator: without its acceptance no agreement forms', () => {
    const m = negotiating();
    ok(m, '0', 'propose', shuttle(pause(2)));
    const p = lastProposal(m);
    expect(p.parties).toContain('2');
    ok(m, '1', 'accept', p.id);
    expect(m.state.G.proposals[0].status).toBe('open');
    expect(m.state.G.agreements).toEqual([]);
    finishRound(m);
    expect(m.state.G.round).toBe(2);
    expect(m.state.G.agreements).toEqual([]);

    // The Mediator can also refuse to carry it.
    const n = negotiating();
    ok(n, '0', 'propose', shuttle(pause(2)));
    ok(n, '1', 'accept', lastProposal(n).id);
    ok(n, '2', 'reject', lastProposal(n).id);
    expect(n.state.G.agreements).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Sequencing
// ---------------------------------------------------------------------------------------------

describe('sequencing: steps in due order, a red suspends the rest', () => {
  it('steps are sorted by due round; a green in round 2 leaves the round-3 step to fall due', () => {
    const m = negotiating({ flavour: 'eu' });
    const a = agree(m, shuttle(pause(3), pause(2)));
    expect(a.steps.map((s) => s.due)).toEqual([2, 3]);
    expect(a.steps.map((s) => s.status)).toEqual(['pending', 'pending']);
    // Not due yet: round 1 resolves nothing.
    refused(m, '1', 'comply', [a.steps[0].id, 'comply']);
    finishRound(m);
    expect(m.state.G.agreements[0].steps.map((s) => s.status)).toEqual(['pending', 'pending']);
    answerIncident(m);
    reset(m);
    finishRound(m); // complied by default; the EU settles any ambiguity green
    expect(m.state.G.round).toBe(3);
    expect(m.state.G.agreements[0].steps.map((s) => s.status)).toEqual(['green', 'pending']);
  });

  it('a red in round 2 suspends the step due in round 3', () => {
    const m = firstSeed(20, (seed) => {
      const x = negotiating({ seed });
      agree(x, shuttle(pause(3), pause(2)));
      finishRound(x);
      answerIncident(x);
      reset(x, (G) => {
        G.monitoring['1'] = 1; // detection at its cap
      });
      const [first] = x.state.G.agreements[0].steps;
      ok(x, '1', 'comply', first.id, 'cheat');
      finishRound(x);
      return x.state.G.agreements[0].steps[0].status === 'red' ? x : undefined;
    });
    const G = m.state.G;
    const [first, second] = G.agreements[0].steps;
    expect(first.status).toBe('red');
    expect(second.status).toBe('suspended');
    expect(everyLine(G).some((e) => e.round === 2 && e.text === `Agreement ${G.agreements[0].id}: 1 remaining step is suspended.`)).toBe(true);
    // A suspended step is never carried out: it cannot be chosen and does not resolve in round 3.
    answerIncident(m);
    refused(m, '1', 'comply', [second.id, 'comply']);
    reset(m);
    finishRound(m);
    expect(m.state.G.agreements[0].steps[1].status).toBe('suspended');
    expect(m.state.G.agreements[0].steps[1].report).toBeUndefined();
  });
});
