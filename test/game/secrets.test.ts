/**
 * What each seat knows: secret agendas dealt at setup, initiative hands dealt as each phase opens,
 * compliance choices and hidden cheats, and backchannel traffic; and `playerView`, which must send
 * each seat its own secrets and nobody anyone else's.
 *
 * The last suite plays 100 games with boardgame.io's RandomBot and, at every state, serializes the
 * view of each seat and of a spectator and searches it for every token private to another seat.
 */
import { RandomBot } from 'boardgame.io/ai';
import { describe, expect, it } from 'vitest';
import { PAGE, READERS, log, logLines, readerOf } from '../../src/game/log';
import agendasJson from '../../rules/agendas.json';
import flavoursJson from '../../rules/flavours.json';
import incidentsJson from '../../rules/incidents.json';
import initiativesJson from '../../rules/initiatives.json';
import negotiationJson from '../../rules/negotiation.json';
import scenariosJson from '../../rules/scenarios.json';
import { Backchannel, DEFAULT_RULES as rules } from '../../src/game';
import type { Agreement, GameState, Proposal } from '../../src/game/state';
import { SEATS, type CardId, type SeatId } from '../../src/game/types';
import { playerView, type SentView } from '../../src/game/view';
import {
  INVALID,
  answerIncident,
  everyLine,
  finishRound,
  newMatch,
  ok,
  play,
  playOut,
  refused,
  seeded,
  setG,
  type GameStateFull,
  type Match,
  type SeatBot,
} from '../harness';
import { addMeasure, negotiating, nextIncident, reset } from '../negotiation';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const HAND = negotiationJson.hand;
/** `negotiating`'s seed for this file's fixed positions. */
const SEED = 'secrets';
const c$ = (id: string) => id as CardId;
const card = (id: string) => initiativesJson.find((c) => c.id === id)!;
const VIEWERS: (SeatId | null)[] = [...SEATS, null];

const view = (G: GameState, playerID: SeatId | null): SentView => playerView({ G, playerID });
/** The log lines `viewer` is sent. */
const seen = (G: GameState, viewer: SeatId | null) => logLines(view(G, viewer), readerOf(viewer));

/** Plays whole rounds up to `round`, keeping Trust and Tension mid-track so the game goes on. */
function playToRound(m: Match, round: number, beforeLastDone: (G: GameState) => void = () => {}): void {
  while (m.state.G.round < round) {
    setG(m, (G) => {
      G.trust = 5;
      G.trustAtRoundStart = 5;
      G.tension = 5;
      if (G.round === round - 1) beforeLastDone(G);
    });
    finishRound(m);
    expect(m.state.ctx.gameover).toBeUndefined();
  }
  answerIncident(m);
}

/** Puts `ids` in `seat`'s hand, taking them out of its draw pile. */
function giveHand(G: GameState, seat: SeatId, ids: string[]): void {
  const hand = ids.map(c$);
  G.initiativeDecks[seat] = [...G.initiativeDecks[seat], ...G.secrets[seat].hand].filter((x) => !hand.includes(x));
  G.secrets[seat].hand = hand;
}

// ---------------------------------------------------------------------------------------------
// Agendas
// ---------------------------------------------------------------------------------------------

describe('secret agendas', () => {
  it('rules/agendas.json gives each seat a pool of at least 5, with unique ids', () => {
    for (const s of SEATS) expect(agendasJson.filter((a) => a.seat === s).length).toBeGreaterThanOrEqual(5);
    expect(new Set(agendasJson.map((a) => a.id)).size).toBe(agendasJson.length);
  });

  it(`each seat is dealt ${negotiationJson.agendasPerSeat} distinct agendas from its own pool at setup`, () => {
    const deals = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const G = newMatch({ seed: `agendas-${i}` }).state.G;
      for (const s of SEATS) {
        const dealt = G.secrets[s].agendas;
        expect(dealt).toHaveLength(negotiationJson.agendasPerSeat);
        expect(new Set(dealt).size).toBe(dealt.length);
        const pool = agendasJson.filter((a) => a.seat === s).map((a) => a.id);
        for (const id of dealt) expect(pool).toContain(id);
      }
      deals.add(JSON.stringify(SEATS.map((s) => [...G.secrets[s].agendas].sort())));
    }
    // The deal is shuffled: different seeds, different deals.
    expect(deals.size).toBeGreaterThan(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Initiative hands
// ---------------------------------------------------------------------------------------------

describe('initiative hands', () => {
  it('rules/initiatives.json gives each seat at least 8 cards, with unique ids', () => {
    for (const s of SEATS) expect(initiativesJson.filter((c) => c.seat === s).length).toBeGreaterThanOrEqual(8);
    expect(new Set(initiativesJson.map((c) => c.id)).size).toBe(initiativesJson.length);
  });

  it('deals hand.perPhase cards from the top of each seat’s own pile as each phase opens, up to hand.max', () => {
    const m = newMatch({ seed: 'hands' });
    // Round 1: the first phase opened with a full allowance.
    let G = m.state.G;
    expect(G.round).toBe(1);
    for (const s of SEATS) {
      expect(G.secrets[s].hand).toHaveLength(HAND.perPhase);
      const pool = initiativesJson.filter((c) => c.seat === s).map((c) => c.id);
      expect(G.initiativeDecks[s]).toHaveLength(pool.length - HAND.perPhase);
      expect([...G.secrets[s].hand, ...G.initiativeDecks[s]].sort()).toEqual([...pool].sort());
    }

    // Before Phase II opens: the U.S. keeps its 2 cards, Iran has none, the Mediator one.
    const expectedAfterDeal = (before: GameState) =>
      Object.fromEntries(
        SEATS.map((s) => {
          const hand = [...before.secrets[s].hand];
          const pile = [...before.initiativeDecks[s]];
          const n = Math.min(HAND.perPhase, Math.max(0, HAND.max - hand.length), pile.length);
          for (let i = 0; i < n; i++) hand.push(pile.pop()!);
          return [s, { hand, pile }];
        }),
      ) as Record<SeatId, { hand: CardId[]; pile: CardId[] }>;

    let snapshot: GameState | undefined;
    playToRound(m, 4, (g) => {
      g.secrets['1'].hand = [];
      g.secrets['2'].hand = g.secrets['2'].hand.slice(0, 1);
      snapshot = structuredClone(g);
    });
    G = m.state.G;
    expect(G.round).toBe(4);
    expect(m.state.ctx.phase).toBe('verification');
    let want = expectedAfterDeal(snapshot!);
    expect(want['0'].hand).toHaveLength(HAND.max); // capped: only one more
    expect(want['1'].hand).toHaveLength(HAND.perPhase);
    for (const s of SEATS) {
      expect(G.secrets[s].hand).toEqual(want[s].hand);
      expect(G.initiativeDecks[s]).toEqual(want[s].pile);
    }
    const drawn = everyLine(G).filter((e) => e.text.startsWith('You draw') && e.round === 3);
    expect(drawn.map((e) => e.to)).toEqual([['0'], ['1'], ['2']]);

    // Before Phase III opens: the U.S. at the limit draws nothing.
    playToRound(m, 7, (g) => {
      g.secrets['1'].hand = g.secrets['1'].hand.slice(0, 1);
      snapshot = structuredClone(g);
    });
    G = m.state.G;
    expect(G.round).toBe(7);
    expect(m.state.ctx.phase).toBe('framework');
    want = expectedAfterDeal(snapshot!);
    expect(want['0'].hand).toEqual(snapshot!.secrets['0'].hand);
    for (const s of SEATS) {
      expect(G.secrets[s].hand).toEqual(want[s].hand);
      expect(G.secrets[s].hand.length).toBeLessThanOrEqual(HAND.max);
    }
    // No deal between phases.
    const hands = structuredClone(SEATS.map((s) => m.state.G.secrets[s].hand));
    playToRound(m, 8);
    expect(SEATS.map((s) => m.state.G.secrets[s].hand)).toEqual(hands);
  });

  it('playCard applies the card, takes it from the hand, and says so in public', () => {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => giveHand(G, '0', ['us-carrier-redeploy', 'us-allied-consultation']));
    const before = structuredClone(m.state.G);
    ok(m, '0', 'playCard', 'us-carrier-redeploy');
    const G = m.state.G;
    expect(G.tension).toBe(before.tension + card('us-carrier-redeploy').effects.tension!);
    expect(G.secrets['0'].hand).toEqual(['us-allied-consultation']);
    expect(G.seats['0'].actionPoints).toBe(before.seats['0'].actionPoints);
    const entry = logLines(G, '0').at(-1)!;
    expect(entry.text).toContain(card('us-carrier-redeploy').name);
    expect(entry.to).toBeUndefined();
    ok(m, '0', 'playCard', 'us-allied-consultation');
    const fx = card('us-allied-consultation').effects.capital as unknown as Record<string, number>;
    expect(m.state.G.seats['0'].capital).toBe(before.seats['0'].capital + fx['0']);
    expect(m.state.G.seats['2'].capital).toBe(before.seats['2'].capital + fx['2']);
    expect(m.state.G.secrets['0'].hand).toEqual([]);
    refused(m, '0', 'playCard', ['us-allied-consultation']);
  });

  it('playCard is refused for a card not in hand, another seat’s card, the wrong phase, an unmet need, extra arguments, after Done', () => {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => {
      giveHand(G, '0', ['us-executive-waiver', 'us-treasury-guidance', 'us-envoy-call']);
      giveHand(G, '1', ['ir-fm-oped']);
    });
    refused(m, '0', 'playCard', ['us-hill-briefing']);
    refused(m, '0', 'playCard', ['ir-fm-oped']);
    refused(m, '1', 'playCard', ['us-envoy-call']);
    refused(m, '0', 'playCard', ['no-such-card']);
    // Executive waiver: Phase II and III only.
    refused(m, '0', 'playCard', ['us-executive-waiver']);
    // Treasury guidance needs the humanitarian channel.
    refused(m, '0', 'playCard', ['us-treasury-guidance']);
    setG(m, (G) => addMeasure(G, 'humanitarian-channel'));
    ok(m, '0', 'playCard', 'us-treasury-guidance');
    refused(m, '0', 'playCard', ['us-envoy-call', 'now']);
    ok(m, '0', 'done');
    refused(m, '0', 'playCard', ['us-envoy-call'], [INVALID, 'action/unavailable_move']);
    ok(m, '1', 'playCard', 'ir-fm-oped');
    // In Phase II the waiver is playable.
    const n = negotiating({ seed: SEED });
    setG(n, (G) => {
      G.round = 4;
      giveHand(G, '0', ['us-executive-waiver']);
    });
    const before = n.state.G.sanctions.level;
    ok(n, '0', 'playCard', 'us-executive-waiver');
    expect(n.state.G.sanctions.level).toBe(before + card('us-executive-waiver').effects.sanctions!);
  });

  it('Hotline test needs the hotline: maritime de-confliction in place', () => {
    // The card tests the hotline that de-confliction sets up; with none in place there is nothing to test.
    const m = negotiating({ seed: SEED });
    setG(m, (G) => giveHand(G, '2', ['med-hotline-test']));
    refused(m, '2', 'playCard', ['med-hotline-test']);
    setG(m, (G) => addMeasure(G, 'maritime-deconfliction'));
    ok(m, '2', 'playCard', 'med-hotline-test');
  });
});

// ---------------------------------------------------------------------------------------------
// playerView
// ---------------------------------------------------------------------------------------------

describe('playerView', () => {
  it('a seat sees its own secrets; of the others only counts; no draw pile; a spectator sees no secrets', () => {
    const m = negotiating({ seed: SEED });
    const G = m.state.G;
    for (const me of SEATS) {
      const v = view(G, me);
      expect(v.secrets[me]).toEqual(G.secrets[me]);
      for (const other of SEATS.filter((s) => s !== me))
        expect(v.secrets[other]).toEqual({ hidden: true, agendas: G.secrets[other].agendas.length, hand: G.secrets[other].hand.length });
      expect(v.deck).toEqual([]);
      expect(v.initiativeDecks).toEqual({ '0': [], '1': [], '2': [] });
    }
    const spectator = view(G, null);
    for (const s of SEATS)
      expect(spectator.secrets[s]).toEqual({ hidden: true, agendas: G.secrets[s].agendas.length, hand: G.secrets[s].hand.length });
    expect(spectator.deck).toEqual([]);
    expect(spectator.initiativeDecks).toEqual({ '0': [], '1': [], '2': [] });
    // boardgame.io passes the seat as a string, or nothing for a spectator.
    const viaGame = (Backchannel.playerView as (a: { G: GameState; playerID?: string | null }) => SentView)({ G, playerID: undefined });
    expect(viaGame).toEqual(spectator);
    // An unknown seat is a spectator.
    expect(playerView({ G, playerID: '7' })).toEqual(spectator);
    // The view is a copy: G itself still holds the piles.
    expect(G.deck.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The backchannel and the leak
// ---------------------------------------------------------------------------------------------

describe('the backchannel', () => {
  /** Phase II (constructed), a secure backchannel open; the U.S. asks Iran for a pause due round 5. */
  function backchannelProposal(): { m: Match; p: Proposal } {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => {
      G.round = 4;
      addMeasure(G, 'secure-backchannel');
    });
    const draft = {
      channel: 'backchannel',
      commitments: [{ seat: '1', what: 'enrichment-pause', due: 5, verifier: 'iaea', onGreen: 'relief-tranche', onRed: 'snapback' }],
    };
    ok(m, '0', 'propose', draft);
    const p = m.state.G.proposals.at(-1)!;
    expect(p.parties).toEqual(['0', '1']);
    // Only the parties see the proposal and the line that tabled it.
    expect(view(m.state.G, '2').proposals).toEqual([]);
    expect(view(m.state.G, null).proposals).toEqual([]);
    expect(view(m.state.G, '0').proposals.map((x) => x.id)).toEqual([p.id]);
    expect(view(m.state.G, '1').proposals.map((x) => x.id)).toEqual([p.id]);
    const tabled = logLines(m.state.G, '0').at(-1)!;
    expect(tabled.text).toContain(`proposal ${p.id}`);
    expect(tabled.to).toEqual(['0', '1']);
    expect(seen(m.state.G, '2')).not.toContainEqual(tabled);
    expect(seen(m.state.G, null)).not.toContainEqual(tabled);
    expect(seen(m.state.G, '1')).toContainEqual(tabled);
    // The Mediator cannot act on what it cannot see.
    refused(m, '2', 'accept', [p.id]);
    refused(m, '2', 'reject', [p.id]);
    return { m, p };
  }

  function backchannelDeal(): { m: Match; p: Proposal; a: Agreement } {
    const { m, p } = backchannelProposal();
    ok(m, '1', 'accept', p.id);
    const a = m.state.G.agreements.at(-1)!;
    expect(a).toMatchObject({ channel: 'backchannel', parties: ['0', '1'], leaked: false });
    for (const outsider of ['2', null] as const) {
      const v = view(m.state.G, outsider);
      expect(v.agreements).toEqual([]);
      expect(logLines(v, readerOf(outsider)).some((e) => e.text.includes(`Agreement ${a.id}`) || e.text.includes(`proposal ${p.id}`))).toBe(false);
    }
    for (const party of ['0', '1'] as const) expect(view(m.state.G, party).agreements.map((x) => x.id)).toEqual([a.id]);
    return { m, p, a };
  }

  it('proposals, agreements and their log lines reach only the parties', () => {
    const { m, a } = backchannelDeal();
    // A step resolved on the backchannel is reported only to the parties too.
    finishRound(m);
    answerIncident(m);
    reset(m, (G) => {
      G.trust = G.trustAtRoundStart = 5;
    });
    finishRound(m);
    const G = m.state.G;
    const step = G.agreements.find((x) => x.id === a.id)!.steps[0];
    expect(step.status).not.toBe('pending');
    const report = everyLine(G).find((e) => e.text === step.report)!;
    expect(report.to).toEqual(['0', '1']);
    expect(seen(G, '2')).not.toContainEqual(report);
    expect(view(G, '2').agreements).toEqual([]);
  });

  const strikeMoratorium = { seat: '0', what: 'strike-moratorium', due: 5, verifier: 'observers', onGreen: 'access-step', onRed: 'access-suspended' };

  it('a counter on the backchannel stays between its parties', () => {
    const { m, p } = backchannelProposal();
    ok(m, '1', 'counter', p.id, { channel: 'backchannel', commitments: [strikeMoratorium] });
    const c = m.state.G.proposals.at(-1)!;
    expect(c.replaces).toBe(p.id);
    for (const outsider of ['2', null] as const) {
      const v = view(m.state.G, outsider);
      expect(v.proposals).toEqual([]);
      expect(logLines(v, readerOf(outsider)).some((e) => e.text.includes(`proposal ${p.id}`) || e.text.includes(`proposal ${c.id}`))).toBe(false);
    }
  });

  it('a public proposal countered over the backchannel reads as turned down to those outside it', () => {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => {
      G.round = 4;
      addMeasure(G, 'secure-backchannel');
      addMeasure(G, 'direct-talks');
    });
    const pauseLine = { seat: '1', what: 'enrichment-pause', due: 5, verifier: 'iaea', onGreen: 'relief-tranche', onRed: 'snapback' };
    ok(m, '0', 'propose', { channel: 'direct', commitments: [pauseLine] });
    const p = m.state.G.proposals.at(-1)!;
    ok(m, '1', 'counter', p.id, { channel: 'backchannel', commitments: [strikeMoratorium] });
    expect(m.state.G.proposals.find((x) => x.id === p.id)!.status).toBe('countered');
    for (const party of ['0', '1'] as const) expect(view(m.state.G, party).proposals.find((x) => x.id === p.id)!.status).toBe('countered');
    for (const outsider of ['2', null] as const) {
      const v = view(m.state.G, outsider);
      expect(v.proposals.map((x) => [x.id, x.status])).toEqual([[p.id, 'rejected']]);
    }
  });

  it('a counter tabled in the open does not reveal the backchannel proposal it answers', () => {
    // Iran answers a backchannel proposal with a public (shuttle) one. Whatever Iran chooses to say in
    // public, the Mediator must not learn that the U.S. proposal exists: refusing such a counter, or
    // tabling it without naming the proposal it replaces, would both do.
    const { m, p } = backchannelProposal();
    const r = play(m, '1', 'counter', p.id, { channel: 'shuttle', commitments: [strikeMoratorium] });
    if (r.invalid) return;
    for (const outsider of ['2', null] as const) {
      const v = view(m.state.G, outsider);
      expect(v.proposals.filter((x) => x.replaces === p.id), 'a public proposal names the backchannel one it replaces').toEqual([]);
      const mentions = logLines(v, readerOf(outsider)).filter((e) => new RegExp(`\\bproposal ${p.id}\\b`).test(e.text)).map((e) => e.text);
      expect(mentions, 'a public log line names the backchannel proposal').toEqual([]);
    }
  });

  it('a leak exposes the backchannel to everyone and costs both governments capital', () => {
    const { m, a } = backchannelDeal();
    setG(m, (G) => nextIncident(G, 'leaked-outreach'));
    const before = structuredClone(m.state.G);
    finishRound(m);
    const G = m.state.G;
    expect(G.round).toBe(5);
    expect(G.incident!.id).toBe('leaked-outreach');
    const leaked = G.agreements.find((x) => x.id === a.id)!;
    expect(leaked.leaked).toBe(true);
    for (const viewer of VIEWERS) expect(view(G, viewer).agreements.map((x) => x.id)).toContain(a.id);

    // The incident's own cost, then the leak's.
    const incident = incidentsJson.find((i) => i.id === 'leaked-outreach')!;
    const own = incident.effects.capital as unknown as Record<string, number>;
    const leak = negotiationJson.leak.effects.capital as unknown as Record<string, number>;
    for (const s of ['0', '1'] as const) expect(G.seats[s].capital).toBe(before.seats[s].capital + own[s] + leak[s]);
    const line = everyLine(G).find((e) => e.text.startsWith(negotiationJson.leak.text));
    expect(line).toBeDefined();
    expect(line!.to).toBeUndefined();

    // From now on the agreement's news is public: its step reports reach the Mediator.
    answerIncident(m);
    reset(m);
    finishRound(m);
    const step = m.state.G.agreements.find((x) => x.id === a.id)!.steps[0];
    const report = everyLine(m.state.G).find((e) => e.text === step.report)!;
    expect(report.to).toBeUndefined();
    expect(seen(m.state.G, '2')).toContainEqual(report);
  });

  it('with nothing on the backchannel, the leak costs only the incident itself', () => {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => {
      G.round = 4;
      nextIncident(G, 'leaked-outreach');
    });
    const before = structuredClone(m.state.G);
    finishRound(m);
    const own = incidentsJson.find((i) => i.id === 'leaked-outreach')!.effects.capital as unknown as Record<string, number>;
    for (const s of ['0', '1'] as const) expect(m.state.G.seats[s].capital).toBe(before.seats[s].capital + own[s]);
    expect(everyLine(m.state.G).some((e) => e.text.startsWith(negotiationJson.leak.text))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// No leaks, ever: 100 RandomBot games
// ---------------------------------------------------------------------------------------------

interface Coverage {
  states: number;
  views: number;
  hiddenItems: number;
  choices: number;
  cheats: number;
  leaked: number;
  privateLines: number;
}

/** Ids the log may mention: "proposal 5", "Agreement UI-2", "(step 3.1)". */
const ID_MENTION = /\b(proposal|agreement|step) ((?:[A-Z]+-)?\d+(?:\.\d+)?)\b/gi;
/** Proposals and agreements are numbered apart, so an id is known by its kind: "agreement:UI-2". */
const named = (kind: 'proposal' | 'agreement' | 'step', id: string) => `${kind}:${id}`;

/**
 * What a log line says that the checks need, worked out once per line: boardgame.io keeps an
 * unchanged line the same object from state to state, so a long log is not re-read at every move.
 */
interface LineFacts {
  /** As `named` writes them. */
  mentions: string[];
  secondPerson: boolean;
  /** Agenda, card and incident ids anywhere in the line (never expected: lines use names). */
  ids: string[];
}
const CARD_LIKE_IDS = [...agendasJson.map((a) => a.id), ...initiativesJson.map((c) => c.id), ...incidentsJson.map((i) => i.id)];
const lineFacts = new WeakMap<object, LineFacts>();
function factsOf(e: { text: string }): LineFacts {
  let f = lineFacts.get(e);
  if (!f) {
    const json = JSON.stringify(e);
    f = {
      mentions: [...e.text.matchAll(ID_MENTION)].map((x) => named(x[1].toLowerCase() as 'proposal', x[2])),
      secondPerson: /^(You|Your) /.test(e.text),
      ids: CARD_LIKE_IDS.filter((id) => json.includes(id)),
    };
    lineFacts.set(e, f);
  }
  return f;
}

/** Every privacy rule, for every viewer, at one state. Returns the first breach each viewer suffers. */
function breaches(state: GameStateFull, cov: Coverage, see: typeof view = view): string[] {
  const G = state.G;
  cov.states += 1;
  const secretItems: (Proposal | Agreement)[] = [...G.proposals, ...G.agreements].filter((x) => x.channel === 'backchannel' && !x.leaked);
  if (G.agreements.some((a) => a.leaked)) cov.leaked += 1;
  if (SEATS.some((s) => Object.keys(G.secrets[s].choices).length > 0)) cov.choices += 1;
  if (SEATS.some((s) => G.secrets[s].cheats.length > 0)) cov.cheats += 1;
  if (secretItems.some((x) => x.parties.length < 3)) cov.hiddenItems += 1;
  if (everyLine(G).some((e) => e.to)) cov.privateLines += 1;

  const check = (viewer: SeatId | null): string | null => {
    cov.views += 1;
    const v = see(G, viewer);
    // Everything the viewer is sent, serialized; the log's lines are read once each (cached).
    const json = JSON.stringify({ ...v, log: [] });
    const lines = logLines(v, readerOf(viewer));
    const logIds = new Set(lines.flatMap((e) => factsOf(e).ids));
    const logMentions = new Set(lines.flatMap((e) => factsOf(e).mentions));
    const who = viewer === null ? 'the spectator' : `seat ${viewer}`;
    const has = (token: string) => json.includes(token) || (token.startsWith('"') && logIds.has(token.slice(1, -1)));

    for (const a of SEATS.filter((s) => s !== viewer)) {
      const secret = G.secrets[a];
      const shown = v.secrets[a] as unknown;
      const counts = { hidden: true, agendas: secret.agendas.length, hand: secret.hand.length };
      if (JSON.stringify(shown) !== JSON.stringify(counts)) return `${who} sees seat ${a}'s secrets: ${JSON.stringify(shown)}`;
      for (const id of secret.agendas) if (has(`"${id}"`)) return `${who} sees seat ${a}'s agenda ${id}`;
      for (const id of secret.hand) if (has(`"${id}"`)) return `${who} sees seat ${a}'s card ${id}`;
      for (const [step, choice] of Object.entries(secret.choices))
        if (has(`"${step}":"${choice}"`) || logMentions.has(named('step', step))) return `${who} sees seat ${a}'s choice ${choice} on step ${step}`;
      for (const cheat of secret.cheats) if (has(JSON.stringify(cheat))) return `${who} sees seat ${a}'s hidden cheat ${JSON.stringify(cheat)}`;
      if (v.proposedThisRound[a] > G.proposals.filter((p) => p.by === a && (p.channel !== 'backchannel' || p.leaked || (viewer !== null && p.parties.includes(viewer)))).length)
        return `${who} can count seat ${a}'s unseen proposals`;
    }
    if (viewer !== null && JSON.stringify(v.secrets[viewer]) !== JSON.stringify(G.secrets[viewer])) return `${who} does not get its own secrets`;

    // No draw pile, anyone's: the order (and the cards still in it) are hidden from every seat.
    for (const s of SEATS) for (const id of G.initiativeDecks[s]) if (has(`"${id}"`)) return `${who} sees card ${id} in seat ${s}'s pile`;
    for (const id of G.deck) if (has(`"${id}"`)) return `${who} sees incident ${id} in the deck`;

    // Backchannel items `viewer` is not party to, and everything that names them.
    const hidden = secretItems.filter((x) => viewer === null || !x.parties.includes(viewer));
    const hiddenIds = new Set<string>();
    for (const x of hidden) {
      if ('steps' in x) {
        hiddenIds.add(named('agreement', x.id));
        hiddenIds.add(named('proposal', x.proposal));
        for (const s of x.steps) hiddenIds.add(named('step', s.id));
      } else hiddenIds.add(named('proposal', x.id));
    }
    for (const p of v.proposals)
      if (hiddenIds.has(named('proposal', p.id)) || (p.replaces !== undefined && hiddenIds.has(named('proposal', p.replaces))))
        return `${who} sees backchannel proposal ${p.id}`;
    for (const a of v.agreements)
      if (hiddenIds.has(named('agreement', a.id)) || hiddenIds.has(named('proposal', a.proposal)) || a.steps.some((s) => hiddenIds.has(named('step', s.id))))
        return `${who} sees backchannel agreement ${a.id}`;

    // The log: nothing addressed to others; nothing naming what it cannot see.
    for (const r of READERS) if (r !== readerOf(viewer) && v.log[r].length) return `${who} is sent the log of ${r}`;
    for (const e of lines) {
      if (e.to && (viewer === null || !e.to.includes(viewer))) return `${who} reads a line for ${e.to.join(',')}: ${e.text}`;
      const facts = factsOf(e);
      // Lines in the second person are a seat's own secrets.
      if (facts.secondPerson && (viewer === null || e.to?.length !== 1 || e.to[0] !== viewer))
        return `${who} reads someone's private line: ${e.text}`;
      for (const id of facts.mentions) if (hiddenIds.has(id)) return `${who} reads about hidden item ${id}: ${e.text}`;
    }
    return null;
  };
  return VIEWERS.map(check).filter((b): b is string => b !== null);
}

describe('no secret ever reaches another seat or a spectator', () => {
  it('private tokens are unique: agenda and card ids are not also ids of anything public', () => {
    const publicIds = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, val] of Object.entries(x)) {
        if (k === 'id' && typeof val === 'string') publicIds.add(val);
        walk(val);
      }
    };
    for (const [file, data] of Object.entries(rules)) if (file !== 'agendas' && file !== 'initiatives') walk(data);
    expect(publicIds.size).toBeGreaterThan(50);
    for (const id of [...agendasJson.map((a) => a.id), ...initiativesJson.map((c) => c.id)]) expect(publicIds.has(id)).toBe(false);
    expect(new Set([...agendasJson.map((a) => a.id), ...initiativesJson.map((c) => c.id)]).size).toBe(agendasJson.length + initiativesJson.length);
  });

  it('the checker catches each kind of leak (controls)', () => {
    const cov: Coverage = { states: 0, views: 0, hiddenItems: 0, choices: 0, cheats: 0, leaked: 0, privateLines: 0 };
    const m = negotiating({ seed: SEED });
    setG(m, (G) => addMeasure(G, 'secure-backchannel'));
    const line = { seat: '1', what: 'enrichment-pause', due: 1, verifier: 'iaea', onGreen: 'relief-tranche', onRed: 'snapback' };
    ok(m, '0', 'propose', { channel: 'backchannel', commitments: [line] });
    ok(m, '1', 'accept', m.state.G.proposals.at(-1)!.id);
    ok(m, '1', 'comply', m.state.G.agreements.at(-1)!.steps[0].id, 'cheat');
    expect(breaches(m.state, cov)).toEqual([]);

    // A private line without its audience, as a buggy engine might write it.
    const bad = structuredClone(m.state);
    const forged = { round: 1, step: 'negotiation' as const, text: 'You will cheat on Pause selected enrichment (step 9.1).' };
    for (const r of READERS) bad.G.log[r].push([forged]);
    expect(breaches(bad, cov).join('\n')).toMatch(/private line/);
    // A view that forgets to filter the backchannel, the log, or the secrets.
    const leaky = (edit: (v: SentView, G: GameState) => void) => (G: GameState, id: SeatId | null) => {
      const v = view(G, id);
      edit(v, G);
      return v;
    };
    expect(breaches(m.state, cov, leaky((v, G) => (v.agreements = G.agreements))).join('\n')).toMatch(/backchannel agreement/);
    expect(breaches(m.state, cov, leaky((v, G) => (v.proposals = G.proposals))).join('\n')).toMatch(/backchannel proposal/);
    expect(breaches(m.state, cov, leaky((v, G) => (v.log = G.log))).join('\n')).toMatch(/log of|reads a line|choice/);
    expect(breaches(m.state, cov, leaky((v, G) => (v.secrets = G.secrets))).join('\n')).toMatch(/secrets/);
    expect(breaches(m.state, cov, leaky((v, G) => (v.initiativeDecks = G.initiativeDecks))).join('\n')).toMatch(/pile/);
    expect(breaches(m.state, cov, leaky((v, G) => (v.deck = G.deck))).join('\n')).toMatch(/deck/);
  });

  it('in 100 RandomBot games, at every state, for every seat and the spectator', { timeout: 300_000 }, async () => {
    const cov: Coverage = { states: 0, views: 0, hiddenItems: 0, choices: 0, cheats: 0, leaked: 0, privateLines: 0 };
    const flavours = flavoursJson.map((f) => f.id);
    const found = new Map<string, string>();
    for (let game = 0; game < 100; game++) {
      const m = newMatch({
        seed: `secrets-${game}`,
        setupData: { scenario: scenariosJson[game % scenariosJson.length].id, flavour: flavours[game % flavours.length] },
      });
      const bot = new RandomBot({ enumerate: Backchannel.ai!.enumerate, seed: `secrets-bot-${game}` }) as unknown as SeatBot;
      await playOut(m, bot, seeded(1000 + game), (state) => {
        for (const b of breaches(state, cov)) {
          // Group by kind (ids and rounds vary), keeping the first example of each.
          const kind = b.replace(/\d+/g, '#');
          if (!found.has(kind)) found.set(kind, `game ${game}, round ${state.G.round}: ${b}`);
        }
      });
    }
    expect([...found.values()]).toEqual([]);
    // The games did exercise every kind of secret.
    expect(cov.hiddenItems).toBeGreaterThan(0);
    expect(cov.choices).toBeGreaterThan(0);
    expect(cov.cheats).toBeGreaterThan(0);
    expect(cov.privateLines).toBeGreaterThan(0);
    console.info(`privacy: ${cov.states} states, ${cov.views} views; with hidden backchannel items ${cov.hiddenItems}, choices ${cov.choices}, hidden cheats ${cov.cheats}, leaked agreements ${cov.leaked}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Side channels: what an outsider is sent is the same with or without backchannel traffic
// ---------------------------------------------------------------------------------------------

describe('nothing an outsider is sent tells how much backchannel traffic there was', () => {
  const OUTSIDERS = ['2', null] as const;
  const pauseBy = (due: number) => ({ seat: '1', what: 'enrichment-pause', due, verifier: 'iaea', onGreen: 'relief-tranche', onRed: 'snapback' });
  const moratoriumBy = (due: number) => ({ seat: '0', what: 'strike-moratorium', due, verifier: 'observers', onGreen: 'access-step', onRed: 'access-suspended' });
  const over = (channel: string, ...commitments: object[]) => ({ channel, commitments });

  /** Phase II with a secure backchannel; the same public talks, with or without `secretly` first. */
  function talks(secretly?: (m: Match) => void): Match {
    const m = negotiating({ seed: SEED });
    setG(m, (G) => {
      G.round = 4;
      addMeasure(G, 'secure-backchannel');
    });
    ok(m, '0', 'propose', over('shuttle', pauseBy(5)));
    secretly?.(m);
    ok(m, '2', 'propose', over('shuttle', pauseBy(6), moratoriumBy(6)));
    return m;
  }

  /** Three backchannel proposals between the United States and Iran, none agreed. */
  function threeProposals(m: Match): void {
    ok(m, '0', 'propose', over('backchannel', pauseBy(5)));
    ok(m, '1', 'reject', m.state.G.proposals.at(-1)!.id);
    ok(m, '1', 'propose', over('backchannel', moratoriumBy(5)));
    ok(m, '1', 'withdraw', m.state.G.proposals.at(-1)!.id);
    ok(m, '0', 'propose', over('backchannel', pauseBy(6)));
    ok(m, '0', 'withdraw', m.state.G.proposals.at(-1)!.id);
  }

  it('proposal ids and id counts: an outsider’s view is the same as with no backchannel at all', () => {
    const quiet = talks();
    const busy = talks(threeProposals);
    expect(busy.state.G.proposals.filter((p) => p.channel === 'backchannel')).toHaveLength(3);
    for (const o of OUTSIDERS) {
      // The ids alone: the Mediator saw "1" then "5" when it should see "1" then "2".
      expect(view(busy.state.G, o).proposals.map((p) => p.id)).toEqual(view(quiet.state.G, o).proposals.map((p) => p.id));
      expect(view(busy.state.G, o)).toEqual(view(quiet.state.G, o));
    }
  });

  it('agreement and step ids: an agreement on the backchannel leaves no gap in the public ones', () => {
    const secretDeal = (m: Match) => {
      ok(m, '0', 'propose', over('backchannel', pauseBy(5), pauseBy(6)));
      ok(m, '1', 'accept', m.state.G.proposals.at(-1)!.id);
    };
    const publicDeal = (m: Match) => {
      const p = m.state.G.proposals.at(-1)!;
      for (const s of p.parties) if (!p.accepted.includes(s)) ok(m, s, 'accept', p.id);
      return m;
    };
    const quiet = publicDeal(talks());
    const busy = publicDeal(talks(secretDeal));
    expect(busy.state.G.agreements).toHaveLength(2);
    const ids = (m: Match, o: SeatId | null) => view(m.state.G, o).agreements.map((a) => [a.id, a.proposal, ...a.steps.map((s) => s.id)]);
    for (const o of OUTSIDERS) {
      expect(ids(busy, o)).toEqual(ids(quiet, o));
      // Signing costs capital in public, by design; everything else is the same.
      expect({ ...view(busy.state.G, o), seats: null }).toEqual({ ...view(quiet.state.G, o), seats: null });
    }
  });

  it('log pages and their trimming: an outsider’s lines are paged and dropped on its own count', () => {
    // Enough lines to fill the log twice, so pages fill and the oldest go.
    const write = (secret: boolean) => {
      const G = structuredClone(negotiating({ seed: SEED }).state.G);
      for (let i = 0; i < rules.board.maxLog * 2; i++) {
        if (secret && i % 3 === 0) log(rules, G, 'negotiation', `secret ${i}`, '0', ['0', '1']);
        log(rules, G, 'negotiation', `public ${i}`);
      }
      return G;
    };
    const quiet = write(false);
    const busy = write(true);
    for (const o of OUTSIDERS) {
      expect(view(busy, o).log).toEqual(view(quiet, o).log);
      expect(view(busy, o).log[readerOf(o)].slice(0, -1).every((page) => page.length === PAGE)).toBe(true);
    }
    // The parties do read the backchannel's lines.
    expect(seen(busy, '1').some((e) => e.text.startsWith('secret'))).toBe(true);
  });
});
