/** The address bar: online play's routes live in the query string of the one page. */
import { hrefOf, parseRoute } from '../online/links';
import type { RouteSlice, Slice } from './types';

export const routeSlice: Slice<RouteSlice> = (set, get) => ({
  route: typeof window === 'undefined' ? null : parseRoute(window.location.search),
  go(route, opts = {}) {
    set({ route });
    if (typeof window === 'undefined') return;
    const href = hrefOf(route);
    if (href === window.location.pathname + window.location.search) return;
    if (opts.replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
  },
  syncRoute() {
    const route = parseRoute(window.location.search);
    // A change of the hash alone is no new address.
    if (hrefOf(route) === hrefOf(get().route)) return;
    if (get().mode === 'online') get().close();
    set({ route });
  },
});
