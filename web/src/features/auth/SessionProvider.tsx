import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionInfo, User } from '#core/user';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../../api/client.ts';

interface Session {
  /** undefined while asking the server, null when nobody is signed in. */
  user: User | null | undefined;
  signedIn(session: SessionInfo): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(signedOut);
    api.get<SessionInfo>('/api/auth/me').then(signedIn, signedOut);
    return () => setUnauthenticatedHandler(null);
  }, [signedIn, signedOut]);

  const value = useMemo<Session>(
    () => ({
      user,
      signedIn,
      async signOut() {
        await api.post('/api/auth/logout').catch(() => undefined);
        signedOut();
      },
    }),
    [user, signedIn, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/** The signed-in user; pages behind the sign-in only render once there is one. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser is for pages behind the sign-in');
  return user;
}
