/**
 * Bent strategies: each one plays legal games and does what its name says to the moves its seat
 * makes (and the unbent bot on the same seed does otherwise), deterministic per seed, blind to
 * other seats' secrets.
 */
import { describe, expect, it } from 'vitest';
import { appliesTo, bend, BENT_STRATEGIES, mostHostile, type BentStrategy } from '../../src/bots/bent';
import { scriptedBot } from '../../src/bots/bot';
import type { BotConfig } from '../../src/bots/config';
import { decide } from '../../src/bots/decide';
import { playGame } from '../../src/bots/simulator';
import { DEFAULT_RULES as rules, makeGame } from '../../src/game';
import type { RuleSet } from '../../src/game/ruleset';
import { nextActiveSeat } from '../../src/game/stages';
import { SEATS, type SeatId } from '../../src/game/types';
import { playerView } from '../../src/game/view';
import { newMatch, withRules, type GameStateFull } from '../harness';

const pragmatist: BotConfig = { personality: 'pragmatist', difficulty: 'expert' };
const bots = { '0': pragmatist, '1': pragmatist, '2': pragmatist };

interface Made {
  move: string;
  args: unknown[];
}

/** Plays a game of pragmatists, `seat` bent to `strategy` if given; the moves `seat` made. */
async function movesOf(seed: string, seat: SeatId, strategy?: BentStrategy, ruleSet: RuleSet = rules): Promise<Made[]> {
  const m = newMatch({ seed, rules: ruleSet });
  const game = makeGame(ruleSet);
  const players = Object.fromEntries(
    SEATS.map((s) => [s, new (scriptedBot(pragmatist, ruleSet, s === seat && strategy ? { strategy } : undefined))({ enumerate: game.ai!.enumerate, seed: `${seed}/${s}` })]),
  );
  const made: Made[] = [];
  let last: SeatId = '2';
  for (let n = 0; !m.state.ctx.gameover; n++) {
    if (n > 5000) throw new Error('stalled');
    const s: SeatId = nextActiveSeat(m.state.ctx, last)!;
    const { action } = await players[s].play(m.state, s);
    const next = m.reducer(m.state, action);
    if (next.transients?.error) throw new Error(`illegal move ${JSON.stringify(action)}`);
    const { type, args } = (action as { payload: { type: string; args: unknown[] } }).payload;
    if (s === seat) made.push({ move: type, args });
    m.state = next as GameStateFull;
    last = s;
  }
  return made;
}

const SEEDS = ['bent-a', 'bent-b', 'bent-c'];
const all = async (seat: SeatId, strategy?: BentStrategy, ruleSet?: RuleSet) => (await Promise.all(SEEDS.map((s) => movesOf(s, seat, strategy, ruleSet)))).flat();
const kinds = (made: Made[], move: string) => made.filter((x) => x.move === move);
const choices = (made: Made[]) => kinds(made, 'comply').map((x) => x.args[1]);

describe('bent strategies', () => {
  it('every strategy, on every seat it applies to, plays legal games to an ending, the same for a seed', async () => {
    for (const strategy of BENT_STRATEGIES)
      for (const seat of SEATS.filter((s) => appliesTo(rules, strategy, s))) {
        const a = await playGame({ seed: `bent-legal-${strategy}`, bots, bent: { seat, strategy } });
        expect(a.bentMoves).toBeGreaterThanOrEqual(0);
        if (seat === '1' && (strategy === 'reject-all' || strategy === 'repeat-hostile'))
          expect(await playGame({ seed: `bent-legal-${strategy}`, bots, bent: { seat, strategy } })).toEqual(a);
      }
  });

  it('reject-all never accepts a proposal, where the unbent bot does', async () => {
    expect(kinds(await all('1'), 'accept').length).toBeGreaterThan(0);
    const bent = await all('1', 'reject-all');
    expect(kinds(bent, 'accept')).toEqual([]);
    expect(kinds(bent, 'reject').length).toBeGreaterThan(0);
  });

  it('partial-only keeps every step it owes only in part', async () => {
    expect(choices(await all('0'))).toContain('comply');
    const bent = choices(await all('0', 'partial-only'));
    expect(bent.length).toBeGreaterThan(0);
    expect(new Set(bent)).toEqual(new Set(['partial']));
  });

  it('cheat-unseen cheats where detection is under 30 % and otherwise plays as the unbent bot', async () => {
    const detection = (base: number) =>
      withRules((raw) => {
        for (const v of raw['rules/verifiers.json'] as { detection: object }[]) v.detection = { ...v.detection, base, perAccessTier: 0, measures: [] };
      });
    const seen = detection(0.3);
    expect(await all('1', 'cheat-unseen', seen)).toEqual(await all('1', undefined, seen));
    const bent = choices(await all('1', 'cheat-unseen', detection(0.29)));
    expect(bent.length).toBeGreaterThan(0);
    expect(new Set(bent)).toEqual(new Set(['cheat']));
  });

  it('never-propose tables nothing, where the unbent bot does', async () => {
    expect(kinds(await all('2'), 'propose').length).toBeGreaterThan(0);
    expect(kinds(await all('2', 'never-propose'), 'propose')).toEqual([]);
  });

  it('passive takes no role action and plays no card, where the unbent bot does', async () => {
    const unbent = await all('2');
    expect(kinds(unbent, 'act').length + kinds(unbent, 'playCard').length).toBeGreaterThan(0);
    const bent = await all('2', 'passive');
    expect([...kinds(bent, 'act'), ...kinds(bent, 'playCard')]).toEqual([]);
  });

  it('repeat-hostile takes its seat\'s most hostile action over and over, and no other hostile one', async () => {
    for (const seat of ['0', '1'] as const) {
      const hostile = mostHostile(rules, seat)!;
      expect(hostile.tags).toContain('hostile');
      for (const other of rules.actions.filter((a) => a.seat === seat && a.tags.includes('hostile')))
        expect(other.effects.tension ?? 0).toBeLessThanOrEqual(hostile.effects.tension ?? 0);
      // Each repeat costs more capital (rules/negotiation.json hostileRepeat), so once it can no
      // longer pay, the seat plays on as before; the only hostile act it ever takes is this one.
      const isHostile = (id: unknown) => rules.actions.some((a) => a.id === id && a.tags.includes('hostile'));
      const acts = kinds(await all(seat, 'repeat-hostile'), 'act').filter((a) => isHostile(a.args[0]));
      expect(acts.length).toBeGreaterThan(SEEDS.length);
      expect(new Set(acts.map((a) => a.args[0]))).toEqual(new Set([hostile.id]));
    }
    expect(appliesTo(rules, 'repeat-hostile', '2')).toBe(rules.actions.some((a) => a.seat === '2' && a.tags.includes('hostile')));
  });

  it('decide from their own view: another seat\'s secrets never change a bent decision', async () => {
    const m = newMatch({ seed: 'bent-blind' });
    let checked = 0;
    for (let n = 0; n < 400 && !m.state.ctx.gameover; n++) {
      const seat = nextActiveSeat(m.state.ctx, SEATS[n % 3])!;
      for (const strategy of BENT_STRATEGIES) {
        const scrambled = structuredClone(m.state.G);
        for (const other of SEATS.filter((s) => s !== seat)) scrambled.secrets[other] = { agendas: [], hand: [], choices: {}, cheats: [] };
        const choose = (G: typeof scrambled) => {
          const view = playerView({ G, playerID: seat });
          return decide(rules, view, m.state.ctx, seat, pragmatist, () => 0.5, bend(strategy, rules, view, seat));
        };
        expect(choose(scrambled)).toEqual(choose(m.state.G));
        checked += 1;
      }
      const view = playerView({ G: m.state.G, playerID: seat });
      const { move, args } = decide(rules, view, m.state.ctx, seat, pragmatist, () => 0.5) ?? { move: 'done', args: [] };
      m.state = m.reducer(m.state, { type: 'MAKE_MOVE', payload: { type: move, args, playerID: seat } });
    }
    expect(checked).toBeGreaterThan(200);
  });
});
