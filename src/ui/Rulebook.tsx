import { marked } from 'marked';
import rulebook from '../../rules/RULEBOOK.md?raw';

// The rulebook is our own file, rendered once at load; it carries no user input.
const html = marked.parse(rulebook, { async: false });

export function Rulebook() {
  return <article className="rulebook" dangerouslySetInnerHTML={{ __html: html }} />;
}
