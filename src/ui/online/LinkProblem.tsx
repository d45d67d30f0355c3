/** A link that cannot be followed: what went wrong, and where to go instead. */
import type { ReactNode } from 'react';
import { StartPageButton } from './NavButtons';
import { PageHeading } from './PageHeading';

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
