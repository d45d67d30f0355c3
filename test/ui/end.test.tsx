// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEAT_NAMES } from '../../src/game/seats';
import { SEATS } from '../../src/game/types';
import { answerIncident, moveAs, renderGame, startMatch } from './helpers';
import { DEFAULT_RULES as rules } from '../../src/game';
import { entry } from '../../src/game/ruleset';

describe('the end screen', () => {
  it('shows the path and why, the scores, every agenda revealed and the Trust/Tension chart', () => {
    const session = startMatch();
    for (let i = 0; i < 20 && !session.view('0')!.ctx.gameover; i++) {
      answerIncident(session);
      for (const seat of SEATS) if (session.view(seat)!.ctx.activePlayers?.[seat] === 'negotiate') moveAs(session, seat, 'done');
    }
    const { ctx, G } = session.view('0')!;
    const over = ctx.gameover!;
    expect(over).toBeDefined();
    renderGame();

    const path = rules.endings.paths.find((p) => p.path === over.path)!;
    expect(screen.getByRole('heading', { level: 2, name: path.name })).toBeTruthy();
    expect(screen.getByText(path.text)).toBeTruthy();
    expect(screen.getByText('Why:').parentElement!.textContent).toMatch(/Tension reached|Trust fell|The talks ran all 9 rounds/);

    const ranking = screen.getByRole('list', { name: 'Scores, highest first' });
    const cards = within(ranking).getAllByRole('listitem').filter((li) => li.parentElement === ranking);
    expect(cards).toHaveLength(3);
    for (const seat of SEATS) {
      const card = within(ranking).getByRole('heading', { level: 4, name: new RegExp(`^${SEAT_NAMES[seat]}`) }).closest('li')!;
      expect(card.querySelector('.score')!.textContent).toBe(`${over.scores[seat]} points`);
      for (const id of over.agendas[seat]) expect(within(card).getByText(entry(rules, 'agendas', id).name)).toBeTruthy();
    }

    const chart = screen.getByRole('img', { name: 'Trust and Tension, round by round' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelectorAll('circle')).toHaveLength(G.history.length + 1);
    expect(chart.querySelector('desc')!.textContent).toContain(`Round ${G.history.length}: Trust ${G.history.at(-1)!.trust}`);
    expect(screen.getByRole('button', { name: 'New game' })).toBeTruthy();
  });
});
