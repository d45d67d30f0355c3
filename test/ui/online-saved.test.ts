// @vitest-environment jsdom
/** What the browser keeps of online play: seats and created matches, and nothing it cannot read. */
import { afterEach, describe, expect, it } from 'vitest';
import { createdMatches, forgetSeat, rememberCreated, savedSeat, savedSeats, saveSeat } from '../../src/ui/online/saved';

const SEATS_KEY = 'backchannel.online.seats';
const CREATED_KEY = 'backchannel.online.created';

const alice = { matchID: 'm1', playerID: '0', credentials: 'k0', playerName: 'Alice', teammate: false, savedAt: 1 } as const;

afterEach(() => localStorage.clear());

describe('saved seats', () => {
  it('are kept newest first, one per seat, and forgotten on request', () => {
    saveSeat({ matchID: 'm1', playerID: '0', credentials: 'k0', playerName: 'Alice', teammate: false });
    saveSeat({ matchID: 'm1', playerID: '1', credentials: 'k1', playerName: 'Babak', teammate: false });
    saveSeat({ matchID: 'm1', playerID: '0', credentials: 'k0', playerName: 'Carol', teammate: true });
    expect(savedSeats().map((s) => s.playerName)).toEqual(['Carol', 'Babak']);
    expect(savedSeat('m1', '0')).toMatchObject({ credentials: 'k0', playerName: 'Carol', teammate: true });
    forgetSeat('m1', '0');
    expect(savedSeat('m1', '0')).toBeUndefined();
    expect(savedSeats()).toHaveLength(1);
  });

  it('keep at most twenty', () => {
    for (let i = 0; i < 25; i++) saveSeat({ matchID: `m${i}`, playerID: '0', credentials: 'k', playerName: 'Alice', teammate: false });
    expect(savedSeats()).toHaveLength(20);
    expect(savedSeats()[0].matchID).toBe('m24');
  });

  it('leave out every stored entry that is not a seat, and keep the rest', () => {
    const bad = [
      null,
      'm1',
      { ...alice, matchID: 7 },
      { ...alice, playerID: '7' },
      { ...alice, credentials: undefined },
      { ...alice, playerName: ['Alice'] },
      { ...alice, teammate: 'no' },
      { ...alice, savedAt: 'yesterday' },
    ];
    localStorage.setItem(SEATS_KEY, JSON.stringify([...bad, alice]));
    expect(savedSeats()).toEqual([alice]);
  });

  it('read as none, without throwing, when the stored value is not a list or not JSON', () => {
    localStorage.setItem(SEATS_KEY, JSON.stringify(alice));
    expect(savedSeats()).toEqual([]);
    localStorage.setItem(SEATS_KEY, '{not json');
    expect(savedSeats()).toEqual([]);
    expect(savedSeat('m1', '0')).toBeUndefined();
    // A new seat still saves over what could not be read.
    saveSeat({ matchID: 'm2', playerID: '2', credentials: 'k2', playerName: 'Dana', teammate: false });
    expect(savedSeats().map((s) => s.matchID)).toEqual(['m2']);
  });
});

describe('created matches', () => {
  it('are remembered once each, and a stored entry that is not one is left out', () => {
    rememberCreated('m1', 'Talks resume · 2 people');
    rememberCreated('m2', 'After the strike · 3 people');
    rememberCreated('m1', 'Talks resume · 2 people');
    expect(createdMatches().map((m) => m.matchID)).toEqual(['m1', 'm2']);
    const good = { matchID: 'm3', label: 'A table', createdAt: 3 };
    localStorage.setItem(CREATED_KEY, JSON.stringify([{ matchID: 'm4' }, { ...good, label: 4 }, { ...good, createdAt: null }, good]));
    expect(createdMatches()).toEqual([good]);
  });
});
