/** Detained nationals on each side, and how many have come home. */
import { useG } from '../hooks';

function Side({ label, held, released }: { label: string; held: number; released: number }) {
  return (
    <div className="detainee-side">
      <h3 className="small-head">{label}</h3>
      <p>
        <span className="people" aria-hidden="true">
          {'■'.repeat(held)}
          <span className="released">{'□'.repeat(released)}</span>
        </span>{' '}
        <strong>{held}</strong> held · {released} home
      </p>
    </div>
  );
}

export function Detainees() {
  const d = useG((G) => G.detainees);
  return (
    <section className="panel detainees" aria-labelledby="detainees-title">
      <h2 id="detainees-title">Detainees</h2>
      <Side label="U.S. nationals held by Iran" held={d.heldByIran} released={d.releasedByIran} />
      <Side label="Iranian nationals held by the U.S." held={d.heldByUS} released={d.releasedByUS} />
    </section>
  );
}
