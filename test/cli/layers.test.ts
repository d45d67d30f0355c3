/**
 * The layers of src/ (README, Layout) are enforced twice: lint's no-restricted-imports on the text
 * of each import, and `npm run deps` (dependency-cruiser) on resolved paths, with import circles.
 * These tests run both on code that breaks the rules, so a config that stops catching it fails here.
 */
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer messages lint gives `code` as if it were the file `filePath`. */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: layer boundaries', () => {
  it('stops src/ui importing src/server or src/cli, or Node built-ins', async () => {
    expect(await refusals('src/ui/App.tsx', "import '../server/main';")).toEqual([
      expect.stringContaining('src/ui (the browser client) must not import src/server'),
    ]);
    expect(await refusals('src/ui/online/x.ts', "import '../../server/lobby';\nimport '../../cli/simulate';")).toEqual([
      expect.stringContaining('must not import src/server'),
      expect.stringContaining('must not import src/cli'),
    ]);
    expect(await refusals('src/ui/x.ts', "import 'node:fs';\nimport 'path';")).toEqual([
      expect.stringContaining('must not import Node built-ins'),
      expect.stringContaining('must not import Node built-ins'),
    ]);
  });

  it('lets src/ui import src/game, src/protocol, src/bots, rules/ and packages', async () => {
    const code = [
      "import type { SeatId } from '../../game/types';",
      "import '../../protocol/frames';",
      "import '../../bots/config';",
      "import rulebook from '../../../rules/RULEBOOK.md?raw';",
      "import { useState } from 'react';",
      "import { create } from 'zustand';",
      'export { rulebook, useState, create };',
      'export type { SeatId };',
    ].join('\n');
    expect(await refusals('src/ui/online/x.tsx', code)).toEqual([]);
  });

  it('keeps src/game pure: no React, no DOM or Node, no other src folder', async () => {
    expect(await refusals('src/game/x.ts', "import 'react';")).toEqual([
      expect.stringContaining('src/game (the pure rules engine, run in the browser and on the server) may import only the packages boardgame.io, immer, zod'),
    ]);
    expect(await refusals('src/game/x.ts', "import '../ui/x';\nimport '../protocol/x';\nimport 'node:fs';")).toEqual([
      expect.stringContaining('must not import src/ui'),
      expect.stringContaining('must not import src/protocol'),
      expect.stringContaining('may import only the packages'),
    ]);
  });

  it('lets src/game import its own files, rules/*.json, boardgame.io, immer and zod', async () => {
    const code = [
      "import './types';",
      "import '../../rules/actions.json';",
      "import type { Ctx } from 'boardgame.io';",
      "import 'boardgame.io/core';",
      "import 'immer';",
      "import 'zod';",
      'export type { Ctx };',
    ].join('\n');
    expect(await refusals('src/game/x.ts', code)).toEqual([]);
  });

  it('stops src/bots importing src/ui, src/server, src/protocol or React', async () => {
    const code = "import '../ui/store';\nimport '../server/bots';\nimport '../protocol/x';\nimport 'react';";
    expect(await refusals('src/bots/x.ts', code)).toEqual([
      expect.stringContaining('src/bots (the scripted bots, run in the browser and on the server) must not import src/ui'),
      expect.stringContaining('must not import src/server'),
      expect.stringContaining('must not import src/protocol'),
      expect.stringContaining('must not import react'),
    ]);
  });

  it('lets src/protocol import src/bots/config.ts alone of src/bots, and only zod of the packages', async () => {
    expect(await refusals('src/protocol/x.ts', "import '../bots/config';\nimport '../bots/config.ts';\nimport '../game/types';\nimport 'zod';")).toEqual([]);
    expect(await refusals('src/protocol/x.ts', "import '../bots/decide';\nimport '../server/x';\nimport '../ui/x';\nimport 'react';")).toEqual([
      expect.stringContaining('src/protocol (the wire protocol that the server and the browser share) must not import src/bots'),
      expect.stringContaining('must not import src/server'),
      expect.stringContaining('must not import src/ui'),
      expect.stringContaining('may import only the packages zod'),
    ]);
  });

  it('stops src/server and src/cli importing src/ui, and lets them import the rest', async () => {
    expect(await refusals('src/server/x.ts', "import '../ui/x';\nimport '../cli/x';")).toEqual([
      expect.stringContaining('src/server (the game server) must not import src/ui'),
      expect.stringContaining('must not import src/cli'),
    ]);
    expect(await refusals('src/server/x.ts', "import 'node:fs';\nimport '../protocol/x';\nimport '../bots/bot';\nimport '../game';")).toEqual([]);
    expect(await refusals('src/cli/x.ts', "import '../ui/x';")).toEqual([expect.stringContaining('must not import src/ui')]);
    expect(await refusals('src/cli/x.ts', "import '../server/main';\nimport 'node:fs';")).toEqual([]);
  });

  it('leaves test/ alone', async () => {
    expect(await refusals('test/ui/x.test.ts', "import '../../src/server/main';\nimport 'node:fs';")).toEqual([]);
  });
});

describe('npm run deps: resolved paths and circles', () => {
  it('reports import circles, the layer rules on dynamic and type-only imports, and built-ins in src/game', async () => {
    // The options `npm run deps` runs with, on the fixture instead of src/.
    const options = await extractDepcruiseOptions(`${root}/.dependency-cruiser.js`);
    const { output } = await cruise(['src'], { ...options, baseDir: `${root}/test/fixtures/deps` });
    if (typeof output === 'string') throw new Error('dependency-cruiser gave text, not a result');
    const found = output.summary.violations.map((v) => {
      const path = v.cycle ? [v.from, ...v.cycle.map((step) => step.name)] : [v.from, v.to];
      return `${v.rule.name}: ${path.join(' → ')}`;
    });
    expect(found.sort()).toEqual([
      'game-only-packages: src/game/clock.ts → perf_hooks',
      'no-circular: src/game/agreements.ts → src/game/proposals.ts → src/game/agreements.ts',
      'ui-not-server: src/ui/store.ts → src/server/secret.ts',
      'ui-not-server: src/ui/types.ts → src/server/secret.ts',
    ]);
  });
});
