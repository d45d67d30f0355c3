/**
 * What an action or a card costs its seat, said before the click: action points, political capital
 * (the price, and any capital its effect takes from the seat) and Trust it loses. Trust is shared,
 * but it is what a hostile step spends, and a player should not find it only in the effect's small
 * print.
 */
import type { Effects } from '../../game/schema';
import type { SeatId } from '../../game/types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Costs 1 action point · 2 capital · Trust −1", or "Free: no action points, no capital". */
export function costLine(seat: SeatId, price: { ap: number; capital: number }, effects: Effects, scale = 1): string {
  const capital = price.capital + Math.max(0, -(effects.capital?.[seat] ?? 0) * scale);
  const trust = Math.max(0, -(effects.trust ?? 0) * scale);
  if (!price.ap && !capital && !trust) return 'Free: no action points, no capital';
  const parts = [price.ap ? plural(price.ap, 'action point') : 'no action points', capital ? `${capital} capital` : 'no capital'];
  if (trust) parts.push(`Trust −${trust}`);
  return `Costs ${parts.join(' · ')}`;
}
