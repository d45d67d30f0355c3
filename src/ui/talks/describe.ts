/** How each channel reads on screen. */
import type { Channel } from '../../game/types';

export const CHANNEL_WORDS: Record<Channel, string> = {
  shuttle: 'through the Mediator (shuttle)',
  direct: 'direct talks',
  backchannel: 'secure backchannel, private to its parties',
};
