/**
 * The board and your seat, laid out for a phone (one column) up to a projector (three columns);
 * the debrief takes over when the game ends. Loaded only once a game starts. Online, the chat and
 * the connection come in through `talks` and `status`, and a spectator sees the board without a seat.
 */
import type { ReactNode } from 'react';
import { Detainees } from '../board/Detainees';
import { IncidentCard } from '../board/IncidentCard';
import { Measures } from '../board/Measures';
import { NuclearFile } from '../board/NuclearFile';
import { Sanctions } from '../board/Sanctions';
import { Standing } from '../board/Standing';
import { Timeline } from '../board/Timeline';
import { Tracks } from '../board/Tracks';
import { EndScreen } from '../end/EndScreen';
import { HandOver } from '../hotseat/HandOver';
import { Log } from '../log/Log';
import { Reports } from '../log/Reports';
import { SeatPanel } from '../seat/SeatPanel';
import { useGame } from '../store';
import { Agreements } from '../talks/Agreements';
import { Compliance } from '../talks/Compliance';
import { Inbox } from '../talks/Inbox';
import { ProposalBuilder } from '../talks/ProposalBuilder';
import { MoveFocus } from './MoveFocus';
import { StatusBar } from './StatusBar';

function Board() {
  return (
    <div className="col col-board">
      <Tracks />
      <Timeline />
      <IncidentCard />
      <Standing />
      <NuclearFile />
      <Sanctions />
      <Detainees />
      <Measures />
    </div>
  );
}

export interface GameScreenProps {
  /** Shown at the head of the talks column (online: the chat). */
  talks?: ReactNode;
  /** Shown at the end of the status bar (online: the connection). */
  status?: ReactNode;
}

export default function GameScreen({ talks, status }: GameScreenProps) {
  const hasView = useGame((s) => s.view !== null);
  const handOverTo = useGame((s) => s.handOverTo);
  const over = useGame((s) => s.view?.ctx.gameover);
  const counterId = useGame((s) => s.counter?.id ?? null);
  const watching = useGame((s) => s.mode === 'online' && s.seat === null);
  if (handOverTo !== null) return <HandOver to={handOverTo} />;
  if (!hasView) return <p className="loading">Setting up the table…</p>;
  if (over)
    return (
      <>
        <EndScreen over={over} />
        {talks ? <div className="end-talks">{talks}</div> : null}
      </>
    );
  // A spectator sees the board and the talks in public; a seat also sees its own panel and drafts proposals.
  return (
    <div className="game">
      <StatusBar>{status}</StatusBar>
      <div className={watching ? 'board-grid is-watching' : 'board-grid'}>
        <Board />
        {watching ? null : (
          <div className="col col-seat">
            <Compliance />
            <SeatPanel />
          </div>
        )}
        <div className="col col-talks">
          {talks}
          <Inbox />
          {watching ? null : <ProposalBuilder key={counterId ?? 'new'} />}
          <Agreements />
          <Reports />
          <Log />
        </div>
      </div>
      {/* Last, so that its effect runs after every panel's own. */}
      <MoveFocus />
    </div>
  );
}
