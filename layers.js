// The layers of src/ and what each may import: the one table that both nets read.
// eslint.config.js turns it into no-restricted-imports (in the editor, on every import and export
// statement); .dependency-cruiser.js turns it into rules on resolved paths (every import, dynamic
// ones included), next to the rule against import circles. Data flows one way:
// rules/ → src/game → src/bots, src/server, src/ui.
//
// Per layer:
//   is        what the layer is, quoted in every message
//   may       the other src folders it may import ('bots/config.ts' allows that one file only);
//             its own folder and rules/ are always allowed
//   packages  { only: [...] }: these packages and no other (so no Node built-ins either), or
//             { not: [...] }: any package but these, where 'node' means the Node built-ins,
//             or absent: any package
export const layers = {
  game: {
    is: 'the pure rules engine, run in the browser and on the server',
    may: [],
    packages: { only: ['boardgame.io', 'immer', 'zod'] },
  },
  protocol: {
    is: 'the wire protocol that the server and the browser share',
    may: ['game', 'bots/config.ts'],
    // boardgame.io for the types of its lobby records, which the protocol extends.
    packages: { only: ['zod', 'boardgame.io'] },
  },
  bots: {
    // The browser runs the bots in solo games, so they keep off Node as well as off React.
    is: 'the scripted bots, run in the browser and on the server',
    may: ['game'],
    packages: { not: ['node', 'react', 'react-dom'] },
  },
  server: {
    is: 'the game server',
    may: ['game', 'bots', 'protocol'],
  },
  ui: {
    is: 'the browser client',
    may: ['game', 'bots', 'protocol'],
    packages: { not: ['node'] },
  },
  cli: {
    is: 'the command-line tools',
    may: ['game', 'bots', 'protocol', 'server'],
  },
};

/** `text` as a regular expression that matches it literally: both nets write their rules as such. */
export const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The other layers `name` may not import, each with the files of it that `may` allows anyway. */
export function forbiddenLayers(name, may = layers[name].may) {
  return Object.keys(layers)
    .filter((other) => other !== name && !may.includes(other))
    .map((other) => ({
      layer: other,
      except: may.filter((entry) => entry.startsWith(`${other}/`)).map((entry) => entry.slice(other.length + 1)),
    }));
}

/** The message for an import of layer `other` from layer `name`. */
export function layerMessage(name, other) {
  const allowed = ['rules/', ...layers[name].may.map((entry) => `src/${entry}`)].join(', ');
  return `src/${name} (${layers[name].is}) must not import src/${other}; it may import ${allowed} and its own files. See README, Layout.`;
}

/** The message for a package that layer `name` may not import. */
export function packageMessage(name, pkg) {
  const { packages } = layers[name];
  if (packages.only) return `src/${name} (${layers[name].is}) may import only the packages ${packages.only.join(', ')}. See README, Layout.`;
  return `src/${name} (${layers[name].is}) must not import ${pkg === 'node' ? 'Node built-ins' : pkg}. See README, Layout.`;
}
