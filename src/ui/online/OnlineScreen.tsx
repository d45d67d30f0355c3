/**
 * Online play before the board: the table page (the links to share), joining a seat with a name,
 * joining a seat's team with a team link, watching, the waiting room, and what a link that does not
 * work says. Loaded only when the address names a match.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { SEAT_NAMES, SEAT_TITLES } from '../../game/seats';
import { useGame } from '../store';
import { cleanName, NAME_MAX_LENGTH } from './chat';
import { copyText } from './copy';
import { CopyLink, CopyStatus, useCopyStatus } from './CopyLink';
import { linkOf, parseRoute, type OnlineRoute } from './links';
import { humanSeats, joinMatch, LobbyProblem, type MatchInfo } from './lobby';
import { Roster, setupLine } from './Roster';
import { forgetSeat, saveSeat, savedSeat, savedSeats, type SavedSeat } from './saved';
import type { Me } from './state';
import { useMatch } from './useMatch';

type JoinRoute = Extract<OnlineRoute, { kind: 'join' }>;

export const TEAM_SENTENCE = 'Anyone who opens the team link plays this seat with you, each from their own browser and under their own name in the chat — share it only with your teammates.';

/**
 * A heading that takes the focus when it appears, so a screen reader hears where the link led
 * (unless `focus` is false: a page whose first field takes it instead).
 */
function PageHeading({ id, children, focus = true }: { id: string; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}

function StartPageButton() {
  const go = useGame((s) => s.go);
  const leave = useGame((s) => s.leave);
  const inGame = useGame((s) => s.mode === 'online');
  return (
    <button type="button" onClick={() => (inGame ? leave() : go(null))}>
      Go to the start page
    </button>
  );
}

/** A link that cannot be followed: what went wrong, and where to go instead. */
export function LinkProblem({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <section className="online-page problem-page" aria-labelledby="problem-title">
      <p className="eyebrow">Online match</p>
      <PageHeading id="problem-title">{title}</PageHeading>
      <p>{text}</p>
      <div className="button-row">
        {children}
        <StartPageButton />
      </div>
    </section>
  );
}

/** While a match is being looked up, or when it cannot be: a message for each case, else null. */
function lookup(poll: { match?: MatchInfo; problem?: LobbyProblem }): ReactNode {
  if (poll.match) return null;
  if (poll.problem?.kind === 'unknown-match')
    return (
      <LinkProblem
        title="This link does not open a match"
        text="The game server has no match with this code. The link may be cut short or mistyped, or the match was removed. Ask whoever set up the match for the link again."
      />
    );
  if (poll.problem) return <LinkProblem title="The game server does not answer" text={`${poll.problem.message} Trying again every few seconds…`} />;
  return (
    <p className="loading" role="status">
      Looking up the match…
    </p>
  );
}

function WatchButton({ matchID, children = 'Watch this match' }: { matchID: string; children?: ReactNode }) {
  const go = useGame((s) => s.go);
  return (
    <button type="button" onClick={() => go({ kind: 'watch', matchID })}>
      {children}
    </button>
  );
}

/** Every open seat's link and the spectator link in one block of text, for a class chat. */
function CopyAllLinks({ match }: { match: MatchInfo }) {
  const [status, setStatus] = useCopyStatus();
  const { open } = humanSeats(match);
  const text = [
    `Backchannel — ${setupLine(match)}`,
    ...open.map((s) => `${SEAT_NAMES[s.id]}: ${linkOf({ kind: 'join', matchID: match.matchID, seat: s.id })}`),
    `Watch: ${linkOf({ kind: 'watch', matchID: match.matchID })}`,
  ].join('\n');
  return (
    <div className="copy-row copy-all">
      <button type="button" className="primary" onClick={() => void copyText(text).then((ok) => setStatus(ok ? 'copied' : 'manual'))}>
        Copy all links, for a class chat
      </button>
      <CopyStatus status={status} manual="The clipboard cannot be reached from this page: copy the links one by one." />
    </div>
  );
}

/** `?match=ID`: for whoever set the match up — every seat's link, the spectator link, who has joined. */
function TablePage({ matchID }: { matchID: string }) {
  const poll = useMatch(matchID);
  const go = useGame((s) => s.go);
  const problem = lookup(poll);
  if (problem) return problem;
  const match = poll.match!;
  const { open } = humanSeats(match);
  const mine = savedSeats().filter((s) => s.matchID === matchID);
  return (
    <section className="online-page table-page" aria-labelledby="table-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="table-title">
        {match.over ? 'This match has finished' : open.length ? 'Send each seat its link' : 'Every seat is taken: the match is on'}
      </PageHeading>
      {match.over ? (
        <p>The talks are over. Watch to see how they ended, and to debrief.</p>
      ) : open.length ? (
        <p>
          Send each link to whoever plays that seat — for a team, to its first player, who then gets a team link for the others. The
          match opens on every screen once every seat is taken. This page shows who has joined.
        </p>
      ) : (
        <p>Everyone is at the table. Open the spectator link on a projector to follow the board and the chat.</p>
      )}
      {poll.problem ? <p className="why">{poll.problem.message} Trying again…</p> : null}
      {open.length && !match.over ? <CopyAllLinks match={match} /> : null}
      <Roster match={match} invite />
      <div className="panel watch-panel">
        <CopyLink
          id="watch-link"
          label="Spectator link"
          url={linkOf({ kind: 'watch', matchID })}
          note="For a projector or observers: the board, the agreements and the chat, and none of the seats’ secrets."
        />
      </div>
      <div className="button-row">
        {mine.map((s) => (
          <button key={s.playerID} type="button" className="primary" onClick={() => go({ kind: 'join', matchID, seat: s.playerID })}>
            Return to your seat: {SEAT_NAMES[s.playerID]}, as {s.playerName}
          </button>
        ))}
        <WatchButton matchID={matchID}>{match.over ? 'See how it ended' : 'Watch this match'}</WatchButton>
        <StartPageButton />
      </div>
    </section>
  );
}

/** The team link of a seat this browser plays, to pass to teammates. */
export function TeamLink({ me }: { me: Me }) {
  if (me.playerID === null || !me.credentials) return null;
  return (
    <CopyLink
      id="team-link"
      label={`Team link for ${SEAT_NAMES[me.playerID]}`}
      url={linkOf({ kind: 'join', matchID: me.matchID, seat: me.playerID, key: me.credentials })}
      note={TEAM_SENTENCE}
    />
  );
}

/** Until every human seat is taken: who is here, the links for the seats still open, then the match. */
function WaitingRoom({ me }: { me: Me }) {
  const poll = useMatch(me.matchID);
  const startOnline = useGame((s) => s.startOnline);
  const leaving = useGame((s) => s.go);
  const started = useRef(false);
  const match = poll.match;
  const open = match ? humanSeats(match).open : [];
  const ready = Boolean(match && (match.over || open.length === 0));
  useEffect(() => {
    if (!ready || started.current || !match) return;
    started.current = true;
    void startOnline(me, match.bots);
  }, [ready, match, me, startOnline]);
  useEffect(() => {
    // A seat in a match the server no longer has is forgotten.
    if (poll.problem?.kind === 'unknown-match' && me.playerID !== null) forgetSeat(me.matchID, me.playerID);
  }, [poll.problem, me]);
  const problem = lookup(poll);
  if (problem) return problem;
  if (ready)
    return (
      <p className="loading" role="status">
        Opening the match…
      </p>
    );
  return (
    <section className="online-page waiting-room" aria-labelledby="waiting-title">
      <p className="eyebrow">
        {me.playerID === null ? 'Watching' : `${SEAT_NAMES[me.playerID]} · ${me.playerName}${me.teammate ? ' (teammate)' : ''}`} · {setupLine(match!)}
      </p>
      <PageHeading id="waiting-title">Waiting for {open.map((s) => SEAT_TITLES[s.id]).join(' and ')}</PageHeading>
      <p role="status">
        {open.length === 1 ? 'One seat is' : `${open.length} seats are`} still open. The match opens on every screen once every seat is taken;
        this page checks every few seconds.
      </p>
      <Roster match={match!} me={me.playerID} invite />
      {me.playerID !== null ? (
        <div className="panel team-panel">
          <TeamLink me={me} />
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => leaving(null)}>
          Leave the waiting room
        </button>
      </div>
    </section>
  );
}

/** The name a person last used here, to save typing it again. */
const lastName = () => savedSeats()[0]?.playerName ?? '';

function NameField({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <>
      <label htmlFor="player-name">Your name, as the table will see it</label>
      <input
        id="player-name"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={NAME_MAX_LENGTH}
        autoComplete="nickname"
        required
        autoFocus
        aria-describedby="player-name-note"
      />
      <p id="player-name-note" className="field-note">
        Up to {NAME_MAX_LENGTH} characters; a first name or a team name is enough.
      </p>
    </>
  );
}

/** A seat someone else has: how to join as a teammate (with their team link), or watch. */
function SeatTaken({ route, match }: { route: JoinRoute; match: MatchInfo }) {
  const go = useGame((s) => s.go);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const holder = match.seats.find((s) => s.id === route.seat)?.name ?? 'someone';
  const open = (e: FormEvent) => {
    e.preventDefault();
    let next: OnlineRoute | null;
    try {
      next = parseRoute(new URL(pasted.trim(), window.location.origin).search);
    } catch {
      next = null;
    }
    if (next?.kind === 'join' && next.key && next.matchID === route.matchID) go(next);
    else setError('That is not a team link for this match. A team link ends with "&key=…".');
  };
  return (
    <section className="online-page seat-taken" aria-labelledby="taken-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="taken-title">{SEAT_NAMES[route.seat]} is already taken</PageHeading>
      <p>
        <strong>{holder}</strong> plays {SEAT_TITLES[route.seat]} in this match.
      </p>
      <h3>Join as a teammate</h3>
      <p>
        Ask {holder} for the team link on their screen: it carries the seat’s key, so you play {SEAT_TITLES[route.seat]} together, each from
        your own browser.
      </p>
      <form className="paste-form" onSubmit={open}>
        <label htmlFor="paste-team-link">Paste the team link here</label>
        <div className="copy-row">
          <input
            id="paste-team-link"
            className="link-field"
            value={pasted}
            onChange={(e) => {
              setPasted(e.target.value);
              setError(null);
            }}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'paste-error' : undefined}
          />
          <button type="submit" disabled={!pasted.trim()}>
            Join as a teammate
          </button>
        </div>
        {error ? (
          <p id="paste-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <div className="button-row">
        <WatchButton matchID={route.matchID}>Watch instead</WatchButton>
        <StartPageButton />
      </div>
    </section>
  );
}

/** `?match=ID&seat=N` (take the seat) or `…&key=K` (join its team): a name, then the waiting room. */
function JoinForm({ route, onJoined }: { route: JoinRoute; onJoined(seat: SavedSeat): void }) {
  const poll = useMatch(route.matchID);
  const go = useGame((s) => s.go);
  const [name, setName] = useState(lastName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const problem = lookup(poll);
  if (problem) return problem;
  const match = poll.match!;
  const { matchID, seat, key } = route;
  const info = match.seats.find((s) => s.id === seat);
  if (!info) return <LinkProblem title="This seat is not in the match" text={`The match has no seat ${seat}.`} />;
  if (match.bots[seat])
    return (
      <LinkProblem
        title={`A bot plays ${SEAT_TITLES[seat]}`}
        text={`This match was set up with a bot in the seat of ${SEAT_TITLES[seat]}, so nobody can join it. You can watch the match instead.`}
      >
        <WatchButton matchID={matchID} />
      </LinkProblem>
    );
  if (match.over)
    return (
      <LinkProblem title="This match has finished" text="The talks are over, so no seat can be joined any more. You can still see how they ended.">
        <WatchButton matchID={matchID}>See how it ended</WatchButton>
      </LinkProblem>
    );
  if (key && !info.name)
    return (
      <LinkProblem
        title="There is no team to join yet"
        text={`Nobody has taken the seat of ${SEAT_TITLES[seat]} yet, so this team link cannot work. Open the seat’s join link instead.`}
      >
        <button type="button" className="primary" onClick={() => go({ kind: 'join', matchID, seat })}>
          Take the seat
        </button>
      </LinkProblem>
    );
  if (!key && (info.name || taken)) return <SeatTaken route={route} match={match} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const playerName = cleanName(name);
    if (!playerName) return setError('Write a name first.');
    setBusy(true);
    setError(null);
    try {
      if (key) {
        const saved = saveSeat({ matchID, playerID: seat, credentials: key, playerName, teammate: true });
        // The key leaves the address bar (it may be on a projector); this browser keeps it.
        go({ kind: 'join', matchID, seat }, { replace: true });
        onJoined(saved);
        return;
      }
      const credentials = await joinMatch(matchID, seat, playerName);
      onJoined(saveSeat({ matchID, playerID: seat, credentials, playerName, teammate: false }));
    } catch (err) {
      setBusy(false);
      if (err instanceof LobbyProblem && err.kind === 'seat-taken') setTaken(true);
      else setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="online-page join-page" aria-labelledby="join-title">
      <p className="eyebrow">Online match · {setupLine(match)}</p>
      <PageHeading id="join-title" focus={false}>
        {key ? `Join the ${SEAT_NAMES[seat]} team` : `Play ${SEAT_TITLES[seat]}`}
      </PageHeading>
      <p>
        {key
          ? `${info.name} already plays ${SEAT_TITLES[seat]}; with this team link you play the seat together, each from your own browser.`
          : `You take the seat of ${SEAT_TITLES[seat]}. Once you have joined, you get a team link for anyone who is to play the seat with you.`}
      </p>
      <form className="start-form join-form" onSubmit={(e) => void submit(e)}>
        <div className="setup-fields">
          <NameField value={name} onChange={setName} />
        </div>
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? 'Joining…' : key ? `Join as a teammate` : `Join as ${SEAT_NAMES[seat]}`}
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <Roster match={match} invite={false} />
    </section>
  );
}

function JoinPage({ route }: { route: JoinRoute }) {
  const go = useGame((s) => s.go);
  const [saved, setSaved] = useState(() => {
    const s = savedSeat(route.matchID, route.seat);
    return s && (!route.key || route.key === s.credentials) ? s : undefined;
  });
  useEffect(() => {
    // Back at a team link this browser has used: the key leaves the address bar.
    if (saved && route.key) go({ kind: 'join', matchID: route.matchID, seat: route.seat }, { replace: true });
  }, [saved, route, go]);
  const me = useMemo<Me | null>(
    () =>
      saved
        ? { matchID: saved.matchID, playerID: saved.playerID, credentials: saved.credentials, playerName: saved.playerName, teammate: saved.teammate }
        : null,
    [saved],
  );
  if (me) return <WaitingRoom me={me} />;
  return <JoinForm route={route} onJoined={setSaved} />;
}

const SPECTATOR = (matchID: string): Me => ({ matchID, playerID: null, playerName: 'Spectator', teammate: false });

export default function OnlineScreen({ route }: { route: OnlineRoute }) {
  switch (route.kind) {
    case 'bad':
      return <LinkProblem title="This link does not work" text={route.reason} />;
    case 'table':
      return <TablePage key={route.matchID} matchID={route.matchID} />;
    case 'watch':
      return <WaitingRoomFor key={`watch/${route.matchID}`} me={SPECTATOR(route.matchID)} />;
    case 'join':
      return <JoinPage key={`${route.matchID}/${route.seat}`} route={route} />;
  }
}

function WaitingRoomFor({ me }: { me: Me }) {
  const [stable] = useState(me);
  return <WaitingRoom me={stable} />;
}
