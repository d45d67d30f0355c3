export function App() {
  return (
    <main>
      <h1>Backchannel</h1>
      <p>A negotiation game about U.S.–Iran talks.</p>
    </main>
  );
}
