// `npm run deps`: the second net under lint's layer rules. It checks resolved paths, so it also
// sees dynamic import() and paths that lint's patterns cannot read, and it forbids import circles,
// which lint cannot see at all. The layer table is layers.js.
import { escape, forbiddenLayers, layerMessage, layers, packageMessage } from './layers.js';


function layerRules(name) {
  const from = { path: `^src/${name}/` };
  const rules = forbiddenLayers(name).map(({ layer, except }) => ({
    name: `${name}-not-${layer}`,
    comment: layerMessage(name, layer),
    severity: 'error',
    from,
    to: {
      path: `^src/${layer}/`,
      ...(except.length > 0 && { pathNot: except.map((file) => `^src/${layer}/${escape(file)}$`) }),
    },
  }));
  const { packages } = layers[name];
  if (packages?.only) {
    const allowed = packages.only.map(escape).join('|');
    rules.push({
      name: `${name}-only-packages`,
      comment: packageMessage(name),
      severity: 'error',
      from,
      // Anything outside src/ and rules/ is a package or a built-in; its types may come from @types.
      to: { couldNotResolve: false, pathNot: [`^(src|rules)/`, `(^|/)node_modules/(@types/)?(${allowed})/`] },
    });
  }
  for (const pkg of packages?.not ?? []) {
    rules.push({
      name: `${name}-not-${pkg}`,
      comment: packageMessage(name, pkg),
      severity: 'error',
      from,
      to: pkg === 'node' ? { dependencyTypes: ['core'] } : { path: `(^|/)node_modules/(@types/)?${escape(pkg)}/` },
    });
  }
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: the modules on it load in an order that depends on who imports first. Move what they share into a module that both import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file, so the layer rules cannot judge it.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...Object.keys(layers).flatMap(layerRules),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type from the server in the client is still a layer broken.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Vite's `?raw` and `?url` suffixes name a query on a file, not a different file.
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
