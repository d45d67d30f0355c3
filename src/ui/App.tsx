import { Rulebook } from './Rulebook';

export function App() {
  return (
    <>
      <header className="masthead">
        <h1>Backchannel</h1>
        <p>
          Eighteen months of U.S.–Iran talks for three seats: the United States, Iran and a Mediator.
        </p>
        <p className="notice" role="status">
          The playable board is still being built. The complete rules are below.
        </p>
      </header>
      <main>
        <Rulebook />
      </main>
    </>
  );
}
