/** The rule set the browser plays: the one in `rules/`, as the server and the bots play it. */
export { DEFAULT_RULES as rules } from '../game';
