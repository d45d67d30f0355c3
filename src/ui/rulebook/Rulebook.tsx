/** The rulebook, rendered from rules/RULEBOOK.md. Loaded on first open, so marked stays out of the initial bundle. */
import { marked } from 'marked';
import rulebook from '../../../rules/RULEBOOK.md?raw';

// The rulebook is our own file, rendered once; it carries no user input.
const html = marked.parse(rulebook, { async: false });

export default function Rulebook() {
  return <article className="rulebook" dangerouslySetInnerHTML={{ __html: html }} />;
}
