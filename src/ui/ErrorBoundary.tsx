/**
 * Catches what a component throws while drawing — a value from the server the board cannot show, a
 * screen that fails to load, a bug — and says so with a way back, instead of React's blank page.
 */
import { Component, type ReactNode } from 'react';
import { useGame } from './store';

interface Props {
  children: ReactNode;
  /** Where the page is; when it changes (the player left, or went Back), the children are drawn again. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  /** Stops the match on screen, if any, and goes to the start page. */
  private backToStart = () => {
    const { leave, go } = useGame.getState();
    leave();
    go(null);
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="online-page problem-page" role="alert" aria-labelledby="crash-title">
        <h2 id="crash-title">Something went wrong on this screen</h2>
        <p>
          The game could not show this screen. Reload the page to try again (a seat in an online match comes back where it was), or go back
          to the start page.
        </p>
        <p className="field-note">What went wrong: {error.message}</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <button type="button" onClick={this.backToStart}>
            Back to the start page
          </button>
        </div>
      </section>
    );
  }
}
