// boardgame.io logs every refused move with console.error outside production; tests refuse moves on purpose.
const quiet = /^ERROR: (invalid move|disallowed move|disallowed event|cannot make move after game end)/;
const original = console.error;
console.error = (...args: unknown[]) => {
  if (quiet.test(args.map(String).join(' '))) return;
  original(...args);
};
