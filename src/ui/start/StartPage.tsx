/** How to play: solo against bots, hot-seat at one screen, or online through the game server. */
import { AboutBots } from './AboutBots';
import { HotseatForm } from './HotseatForm';
import { OnlineForm } from './OnlineForm';
import { SavedGames } from './SavedGames';
import { SoloForm } from './SoloForm';

export function StartPage() {
  return (
    <div className="start">
      <section className="intro" aria-labelledby="intro-title">
        <h2 id="intro-title">Eighteen months to keep the talks alive</h2>
        <p>
          Three seats — the United States, Iran and a Mediator — trade verifiable steps while regional incidents test the
          process. If the region escalates, everyone loses; inside a settlement, each seat scores its own secret agenda.
        </p>
      </section>
      <SavedGames />
      <div className="mode-cards">
        <section className="mode-card" aria-labelledby="solo-title">
          <h2 id="solo-title">Solo</h2>
          <p>Play one seat against two scripted delegations. Runs entirely in this browser.</p>
          <AboutBots />
          <SoloForm />
        </section>
        <section className="mode-card" aria-labelledby="hotseat-title">
          <h2 id="hotseat-title">Hot-seat</h2>
          <p>Three people, one screen. A hand-over screen keeps each seat's agendas and cards private.</p>
          <HotseatForm />
        </section>
        <section className="mode-card" aria-labelledby="online-title">
          <h2 id="online-title">Online</h2>
          <p>
            Each seat plays from its own browser — one person or a team — through this game server. Create the match, then share
            a link per seat and one for the projector.
          </p>
          <OnlineForm />
        </section>
      </div>
    </div>
  );
}
