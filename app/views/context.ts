import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import type { FirstPage } from '../models/first-page.ts';
import type { Router } from '../models/router.ts';
import type { Session } from '../models/session.ts';

/** What touches the platform, injected so component tests pass fakes. */
export interface Platform {
  copyText(text: string): Promise<void>;
  now(): number;
}

/** What every screen shares: the client (the only way to the collector), the session, the router. */
export interface AppContext {
  client: AdminClient;
  session: Session;
  router: Router;
  platform: Platform;
  /** The inbox's first page, asked for as the app started (the first inbox takes it). */
  firstPage?: FirstPage;
  /** An address to fill the sign-in form with (after accepting an invitation with an existing account). */
  signInEmail: Signal<string>;
}

export const Context = createContext<AppContext | undefined>(undefined);

/** The app's context; views render inside `<Context.Provider>`. */
export function useApp(): AppContext {
  const value = useContext(Context);
  if (!value) throw new Error('app views render inside <Context.Provider>');
  return value;
}
