/** Scenario, Mediator and seed: what every game is set up from (online, the server picks the seed). */
import { entry, findEntry } from '../../game/ruleset';
import type { SetupData } from '../../game/setup';
import { totalRounds } from '../../game/calendar';
import type { Flavour, Length } from '../../game/types';
import { rules } from '../rules';

export interface Setup {
  scenario: string;
  length: Length;
  /** '' keeps the scenario's own Mediator. */
  flavour: Flavour | '';
  seed: string;
}

export const newSeed = () => `match-${Math.random().toString(36).slice(2, 8)}`;

export const defaultSetup = (): Setup => ({ scenario: rules.scenarios[0].id, length: 'standard', flavour: '', seed: newSeed() });

const rounds = (length: Length) => totalRounds(length === 'short' ? rules.board.shortSchedule : rules.scenarios[0].schedule);
const LENGTH_NOTES: Record<Length, string> = {
  standard: `${rounds('standard')} rounds: about 90 minutes in a classroom.`,
  short: `${rounds('short')} longer rounds over the same eighteen months: one 45–50 minute lesson.`,
};

export function toOptions(setup: Setup): { seed: string; setupData: SetupData } {
  const setupData: SetupData = { scenario: setup.scenario };
  if (setup.length !== 'standard') setupData.length = setup.length;
  if (setup.flavour) setupData.flavour = setup.flavour;
  return { seed: setup.seed.trim() || newSeed(), setupData };
}

export function SetupFields({ id, setup, onChange, seed = true }: { id: string; setup: Setup; onChange(s: Setup): void; seed?: boolean }) {
  const scenario = findEntry(rules, 'scenarios', setup.scenario) ?? rules.scenarios[0];
  const scenarioFlavour = entry(rules, 'flavours', scenario.flavour);
  const flavour = findEntry(rules, 'flavours', setup.flavour) ?? scenarioFlavour;
  return (
    <div className="setup-fields">
      <label htmlFor={`${id}-scenario`}>Scenario</label>
      <select id={`${id}-scenario`} value={setup.scenario} onChange={(e) => onChange({ ...setup, scenario: e.target.value })}>
        {rules.scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <p className="field-note">{scenario.description}</p>
      <label htmlFor={`${id}-length`}>Length</label>
      <select id={`${id}-length`} value={setup.length} onChange={(e) => onChange({ ...setup, length: e.target.value as Length })}>
        <option value="standard">Standard</option>
        <option value="short">Short</option>
      </select>
      <p className="field-note">{LENGTH_NOTES[setup.length]}</p>
      <label htmlFor={`${id}-flavour`}>Mediator</label>
      <select id={`${id}-flavour`} value={setup.flavour} onChange={(e) => onChange({ ...setup, flavour: e.target.value as Flavour | '' })}>
        <option value="">Scenario's choice ({scenarioFlavour.name})</option>
        {rules.flavours.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <p className="field-note">{flavour.perk}</p>
      {seed ? (
        <>
          <label htmlFor={`${id}-seed`}>Match seed</label>
          <input id={`${id}-seed`} value={setup.seed} onChange={(e) => onChange({ ...setup, seed: e.target.value })} spellCheck={false} />
          <p className="field-note">The same seed and choices replay the same incidents.</p>
        </>
      ) : null}
    </div>
  );
}
