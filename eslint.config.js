import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { escape, forbiddenLayers, layerMessage, layers, packageMessage } from './layers.js';

const anyOf = (names) => names.map(escape).join('|');

// The layer table as no-restricted-imports patterns. They read the import's text, not the file it
// resolves to: src's folders are siblings, so a path into another layer is `../` (as often as
// needed) and the layer's name; `npm run deps` checks the resolved paths behind this.
function restrictions(name, may = layers[name].may) {
  const patterns = forbiddenLayers(name, may).map(({ layer, except }) => ({
    regex: except.length > 0
      ? `^(\\.\\./)+${layer}($|/(?!(${anyOf(except.map((file) => file.replace(/\.tsx?$/, '')))})(\\.tsx?)?$))`
      : `^(\\.\\./)+${layer}($|/)`,
    message: layerMessage(name, layer),
  }));
  const { packages } = layers[name];
  if (packages?.only) {
    // Any bare import but the allowed packages; Node built-ins are bare imports too.
    patterns.push({ regex: `^(?![./])(?!(${anyOf(packages.only)})($|/))`, message: packageMessage(name) });
  }
  for (const pkg of packages?.not ?? []) {
    patterns.push({
      regex: pkg === 'node' ? `^(node:|(${anyOf(builtinModules)})($|/))` : `^${escape(pkg)}($|/)`,
      message: packageMessage(name, pkg),
    });
  }
  return ['error', { patterns }];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  ...Object.keys(layers).map((name) => ({
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrictions(name) },
  })),
);
