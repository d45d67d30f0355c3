/**
 * Loads and validates the content in `rules/`. A bad file stops the game with an error naming the
 * file, the entry and the field, so a designer can fix it without reading the engine.
 */
import { z } from 'zod';
import actionsFile from '../../rules/actions.json';
import agendasFile from '../../rules/agendas.json';
import boardFile from '../../rules/board.json';
import botsFile from '../../rules/bots.json';
import commitmentsFile from '../../rules/commitments.json';
import domesticFile from '../../rules/domestic.json';
import endingsFile from '../../rules/endings.json';
import flavoursFile from '../../rules/flavours.json';
import incidentsFile from '../../rules/incidents.json';
import initiativesFile from '../../rules/initiatives.json';
import measuresFile from '../../rules/measures.json';
import negotiationFile from '../../rules/negotiation.json';
import nuclearFile from '../../rules/nuclear.json';
import phasesFile from '../../rules/phases.json';
import scenariosFile from '../../rules/scenarios.json';
import triggersFile from '../../rules/triggers.json';
import verifiersFile from '../../rules/verifiers.json';
import { indexRules, type RuleSet, type Rules } from './ruleset';
import {
  actionSchema,
  agendaSchema,
  boardSchema,
  botsSchema,
  commitmentSchema,
  domesticSchema,
  endingsSchema,
  flavourSchema,
  incidentSchema,
  initiativeSchema,
  measureSchema,
  negotiationSchema,
  nuclearSchema,
  phaseSchema,
  scenarioSchema,
  triggerSchema,
  verifierSchema,
  type Clause,
  type Effects,
} from './schema';
import { FLAVOURS, PATHS, PHASES, SEATS, type Flavour, type MeasureId } from './types';

const files = {
  'rules/actions.json': z.array(actionSchema),
  'rules/agendas.json': z.array(agendaSchema),
  'rules/board.json': boardSchema,
  'rules/bots.json': botsSchema,
  'rules/commitments.json': z.array(commitmentSchema),
  'rules/domestic.json': domesticSchema,
  'rules/endings.json': endingsSchema,
  'rules/flavours.json': z.array(flavourSchema),
  'rules/incidents.json': z.array(incidentSchema),
  'rules/initiatives.json': z.array(initiativeSchema),
  'rules/measures.json': z.array(measureSchema),
  'rules/negotiation.json': negotiationSchema,
  'rules/nuclear.json': nuclearSchema,
  'rules/phases.json': z.array(phaseSchema),
  'rules/scenarios.json': z.array(scenarioSchema),
  'rules/triggers.json': z.array(triggerSchema),
  'rules/verifiers.json': z.array(verifierSchema),
};
export type RuleFile = keyof typeof files;
export type RawRules = Record<RuleFile, unknown>;

export const RAW_RULES: RawRules = {
  'rules/actions.json': actionsFile,
  'rules/agendas.json': agendasFile,
  'rules/board.json': boardFile,
  'rules/bots.json': botsFile,
  'rules/commitments.json': commitmentsFile,
  'rules/domestic.json': domesticFile,
  'rules/endings.json': endingsFile,
  'rules/flavours.json': flavoursFile,
  'rules/incidents.json': incidentsFile,
  'rules/initiatives.json': initiativesFile,
  'rules/measures.json': measuresFile,
  'rules/negotiation.json': negotiationFile,
  'rules/nuclear.json': nuclearFile,
  'rules/phases.json': phasesFile,
  'rules/scenarios.json': scenariosFile,
  'rules/triggers.json': triggersFile,
  'rules/verifiers.json': verifiersFile,
};

export class RulesError extends Error {
  constructor(
    readonly file: RuleFile,
    readonly entry: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${entry ? `${entry}, ` : ''}field "${field || '(whole file)'}": ${problem}`);
    this.name = 'RulesError';
  }
}

/** "entry 3 (us-new-sanctions)" for list files, "" for single-object files. */
function entryLabel(raw: unknown, index: PropertyKey | undefined): string {
  if (!Array.isArray(raw) || typeof index !== 'number') return '';
  const item: unknown = raw[index];
  const id =
    item && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
      ? ` (${item.id})`
      : '';
  return `entry ${index}${id}`;
}

function parse<F extends RuleFile>(file: F, raw: unknown): z.infer<(typeof files)[F]> {
  const result = files[file].safeParse(raw);
  if (result.success) return result.data as z.infer<(typeof files)[F]>;
  const issue = result.error.issues[0];
  const path = Array.isArray(raw) ? issue.path.slice(1) : issue.path;
  throw new RulesError(file, entryLabel(raw, issue.path[0]), path.join('.'), issue.message);
}

function parseAll(raw: RawRules): Rules {
  return {
    actions: parse('rules/actions.json', raw['rules/actions.json']),
    agendas: parse('rules/agendas.json', raw['rules/agendas.json']),
    board: parse('rules/board.json', raw['rules/board.json']),
    bots: parse('rules/bots.json', raw['rules/bots.json']),
    commitments: parse('rules/commitments.json', raw['rules/commitments.json']),
    domestic: parse('rules/domestic.json', raw['rules/domestic.json']),
    endings: parse('rules/endings.json', raw['rules/endings.json']),
    flavours: parse('rules/flavours.json', raw['rules/flavours.json']),
    incidents: parse('rules/incidents.json', raw['rules/incidents.json']),
    initiatives: parse('rules/initiatives.json', raw['rules/initiatives.json']),
    measures: parse('rules/measures.json', raw['rules/measures.json']),
    negotiation: parse('rules/negotiation.json', raw['rules/negotiation.json']),
    nuclear: parse('rules/nuclear.json', raw['rules/nuclear.json']),
    phases: parse('rules/phases.json', raw['rules/phases.json']),
    scenarios: parse('rules/scenarios.json', raw['rules/scenarios.json']),
    triggers: parse('rules/triggers.json', raw['rules/triggers.json']),
    verifiers: parse('rules/verifiers.json', raw['rules/verifiers.json']),
  };
}

function effectMeasures(e: Effects): MeasureId[] {
  return [...(e.addMeasures ?? []), ...(e.removeMeasures ?? [])];
}
function conditionMeasures(cs: readonly Clause[] | undefined): MeasureId[] {
  return (cs ?? []).flatMap((c): MeasureId[] => ('any' in c ? conditionMeasures(c.any) : 'measure' in c ? [c.measure] : 'anyMeasure' in c ? c.anyMeasure : []));
}

/** Checks what no single file's schema can: ids are unique and every reference resolves. */
function crossCheck(r: Rules): void {
  const unique = (file: RuleFile, ids: readonly string[]) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) throw new RulesError(file, `entry ${i} (${id})`, 'id', 'duplicate id');
    });
  };
  unique('rules/actions.json', r.actions.map((a) => a.id));
  unique('rules/incidents.json', r.incidents.map((a) => a.id));
  unique('rules/measures.json', r.measures.map((a) => a.id));
  unique('rules/agendas.json', r.agendas.map((a) => a.id));
  unique('rules/initiatives.json', r.initiatives.map((a) => a.id));
  unique('rules/commitments.json', r.commitments.map((a) => a.id));
  unique('rules/verifiers.json', r.verifiers.map((a) => a.id));
  unique('rules/triggers.json', r.triggers.map((a) => a.id));
  unique('rules/scenarios.json', r.scenarios.map((a) => a.id));
  unique('rules/phases.json', r.phases.flatMap((p) => p.milestones.map((m) => m.id)));

  const known = new Set<string>(r.measures.map((m) => m.id));
  const measuresExist = (file: RuleFile, entry: string, field: string, ids: readonly MeasureId[]) => {
    for (const id of ids)
      if (!known.has(id)) throw new RulesError(file, entry, field, `unknown measure "${id}"`);
  };
  r.actions.forEach((a, i) => {
    const entry = `entry ${i} (${a.id})`;
    measuresExist('rules/actions.json', entry, 'effects', effectMeasures(a.effects));
    measuresExist('rules/actions.json', entry, 'requires', conditionMeasures(a.requires));
    measuresExist('rules/actions.json', entry, 'blockedBy', a.blockedBy ?? []);
  });
  r.incidents.forEach((inc, i) => {
    const entry = `entry ${i} (${inc.id})`;
    measuresExist('rules/incidents.json', entry, 'effects', effectMeasures(inc.effects));
    for (const key of ['softenedBy', 'boostedBy'] as const) {
      const m = inc[key];
      if (m) measuresExist('rules/incidents.json', entry, key, [...m.measures, ...effectMeasures(m.effects)]);
    }
    if (inc.kind === 'positive' && inc.softenedBy)
      throw new RulesError('rules/incidents.json', entry, 'softenedBy', 'a positive incident is boosted, not softened');
    if (inc.kind === 'negative' && inc.boostedBy)
      throw new RulesError('rules/incidents.json', entry, 'boostedBy', 'a negative incident is softened, not boosted');
    for (const key of ['restraint', 'retaliation'] as const)
      if (inc.response)
        measuresExist('rules/incidents.json', entry, `response.${key}`, effectMeasures(inc.response[key].effects));
    measuresExist('rules/incidents.json', entry, 'response.retaliation.blockedBy', inc.response?.retaliation.blockedBy ?? []);
  });
  measuresExist('rules/nuclear.json', '', 'growth.haltedBy', r.nuclear.growth.haltedBy);
  for (const seat of SEATS)
    measuresExist('rules/bots.json', '', `measures.${seat}`, Object.keys(r.bots.measures[seat]) as MeasureId[]);
  r.scenarios.forEach((s, i) => {
    const entry = `entry ${i} (${s.id})`;
    measuresExist('rules/scenarios.json', entry, 'start.measures', s.start.measures);
    s.schedule.forEach((step, j) => {
      if (step.phase !== PHASES[j])
        throw new RulesError('rules/scenarios.json', entry, `schedule.${j}.phase`, `must be "${PHASES[j]}"`);
    });
    for (const [track, value] of Object.entries(s.start)) {
      const b = track in r.board.bounds ? r.board.bounds[track as keyof Rules['board']['bounds']] : undefined;
      if (b && typeof value === 'number' && (value < b.min || value > b.max))
        throw new RulesError('rules/scenarios.json', entry, `start.${track}`, `must be within ${b.min}–${b.max}`);
    }
  });
  r.phases.forEach((p, i) => {
    if (p.id !== PHASES[i]) throw new RulesError('rules/phases.json', `entry ${i}`, 'id', `must be "${PHASES[i]}"`);
    p.milestones.forEach((m, j) => {
      measuresExist('rules/phases.json', `entry ${i} (${p.id})`, `milestones.${j}.when`, conditionMeasures(m.when));
      measuresExist('rules/phases.json', `entry ${i} (${p.id})`, `milestones.${j}.reward`, effectMeasures(m.reward));
    });
  });
  if (r.phases.length !== PHASES.length)
    throw new RulesError('rules/phases.json', '', '', `must list ${PHASES.length} phases`);

  FLAVOURS.forEach((f: Flavour) => {
    if (!r.flavours.some((x) => x.id === f)) throw new RulesError('rules/flavours.json', '', '', `missing flavour "${f}"`);
  });
  r.flavours.forEach((f, i) => {
    measuresExist('rules/flavours.json', `entry ${i} (${f.id})`, 'startMeasures', f.startMeasures);
    for (const id of f.softens) {
      const incident = r.incidents.find((x) => x.id === id);
      if (!incident) throw new RulesError('rules/flavours.json', `entry ${i} (${f.id})`, 'softens', `unknown incident "${id}"`);
      if (!incident.softenedBy)
        throw new RulesError('rules/flavours.json', `entry ${i} (${f.id})`, 'softens', `incident "${id}" has no softenedBy to apply`);
    }
  });

  crossCheckNegotiation(r, measuresExist, new Set<string>(r.incidents.map((x) => x.id)));

  r.endings.paths.forEach((p, i) => measuresExist('rules/endings.json', `path ${i} (${p.path})`, 'when', conditionMeasures(p.when)));
  const paths = r.endings.paths.map((p) => p.path);
  for (const p of PATHS)
    if (!paths.includes(p)) throw new RulesError('rules/endings.json', '', 'paths', `missing path "${p}"`);
  if (r.endings.paths.at(-1)?.when.length !== 0)
    throw new RulesError('rules/endings.json', '', 'paths', 'the last path must have no conditions (the fallback)');
  if (r.endings.collapse.at(-1)?.when.length !== 0)
    throw new RulesError('rules/endings.json', '', 'collapse', 'the last collapse path must have no conditions');
  if (r.board.bounds.enrichment.max !== r.nuclear.enrichmentTiers.length - 1)
    throw new RulesError('rules/board.json', '', 'bounds.enrichment.max', 'must be the number of enrichment tiers minus 1');
  if (r.board.bounds.access.max !== r.nuclear.accessTiers.length - 1)
    throw new RulesError('rules/board.json', '', 'bounds.access.max', 'must be the number of access tiers minus 1');
}

type MeasureCheck = (file: RuleFile, entry: string, field: string, ids: readonly MeasureId[]) => void;

/** The negotiation layer's references: commitments to verifiers and triggers, cards per seat. */
function crossCheckNegotiation(r: Rules, measuresExist: MeasureCheck, incidentIds: Set<string>): void {
  const verifiers = new Set<string>(r.verifiers.map((v) => v.id));
  const triggers = new Map(r.triggers.map((t) => [t.id as string, t.on]));
  r.commitments.forEach((c, i) => {
    const entry = `entry ${i} (${c.id})`;
    const fail = (field: string, problem: string) => {
      throw new RulesError('rules/commitments.json', entry, field, problem);
    };
    for (const v of c.verifiers) if (!verifiers.has(v)) fail('verifiers', `unknown verifier "${v}"`);
    for (const on of ['green', 'red'] as const)
      for (const t of c.triggers[on])
        if (triggers.get(t) !== on) fail(`triggers.${on}`, `"${t}" is not a ${on} trigger in rules/triggers.json`);
    measuresExist('rules/commitments.json', entry, 'effects', [...effectMeasures(c.effects), ...effectMeasures(c.partial)]);
    measuresExist('rules/commitments.json', entry, 'requires', conditionMeasures(c.requires));
  });
  r.verifiers.forEach((v, i) =>
    measuresExist('rules/verifiers.json', `entry ${i} (${v.id})`, 'detection', [
      ...v.detection.measures.map((m) => m.measure),
      ...v.ambiguity.measures.map((m) => m.measure),
    ]),
  );
  r.triggers.forEach((t, i) => {
    measuresExist('rules/triggers.json', `entry ${i} (${t.id})`, 'effects', effectMeasures(t.effects));
    measuresExist('rules/triggers.json', `entry ${i} (${t.id})`, 'requires', conditionMeasures(t.requires));
  });
  r.initiatives.forEach((c, i) => {
    measuresExist('rules/initiatives.json', `entry ${i} (${c.id})`, 'effects', effectMeasures(c.effects));
    measuresExist('rules/initiatives.json', `entry ${i} (${c.id})`, 'requires', conditionMeasures(c.requires));
  });
  const n = r.negotiation;
  measuresExist('rules/negotiation.json', '', 'channels', [...n.channels.directNeeds, ...n.channels.backchannelNeeds]);
  measuresExist('rules/negotiation.json', '', 'ambiguitySettledBy.measures', n.ambiguitySettledBy.measures);
  for (const v of n.lookback.verifiers)
    if (!verifiers.has(v)) throw new RulesError('rules/negotiation.json', '', 'lookback.verifiers', `unknown verifier "${v}"`);
  for (const id of n.leak.incidents)
    if (!incidentIds.has(id)) throw new RulesError('rules/negotiation.json', '', 'leak.incidents', `unknown incident "${id}"`);
  for (const seat of SEATS) {
    const agendas = r.agendas.filter((a) => a.seat === seat).length;
    if (agendas < n.agendasPerSeat)
      throw new RulesError('rules/agendas.json', '', 'seat', `seat ${seat} has ${agendas} agendas; ${n.agendasPerSeat} are dealt`);
    const cards = r.initiatives.filter((c) => c.seat === seat).length;
    if (cards < n.hand.perPhase * PHASES.length)
      throw new RulesError('rules/initiatives.json', '', 'seat', `seat ${seat} has ${cards} cards; a game deals ${n.hand.perPhase * PHASES.length}`);
  }
}

/**
 * Parses and cross-checks a full set of rule files, then indexes and freezes them; throws
 * `RulesError` on the first problem.
 */
export function loadRules(raw: RawRules): RuleSet {
  const rules = parseAll(raw);
  crossCheck(rules);
  return indexRules(rules);
}
