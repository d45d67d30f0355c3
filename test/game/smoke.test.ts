import { describe, expect, it } from 'vitest';
import { finishRound, newMatch, play } from '../harness';

describe('harness', () => {
  it('plays a round and refuses an unknown action', () => {
    const m = newMatch();
    expect(m.state.G.round).toBe(1);
    expect(play(m, '0', 'act', 'no-such-action').invalid).toBe(true);
    finishRound(m);
    expect(m.state.G.round).toBe(2);
    expect(m.state.G.history).toHaveLength(1);
  });
});
