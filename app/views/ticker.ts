import type { Ticker } from '../models/inbox.ts';

/** The browser's repeating timer, as models take it. */
export const browserTicker: Ticker = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};
