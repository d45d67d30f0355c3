/** Notices: what the page tells the player about moves and matches, the last three at most. */
import type { NoticesSlice, Slice } from './types';

export const noticesSlice: Slice<NoticesSlice> = (set) => ({
  notices: [],
  noticeSeq: 1,
  notify: (kind, text) => set((s) => ({ noticeSeq: s.noticeSeq + 1, notices: [...s.notices.slice(-2), { id: s.noticeSeq, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
