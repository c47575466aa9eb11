import { useQueryClient } from '@tanstack/react-query';
import { can, type Action, type SessionUser } from '@zhiyuan/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth';
import { ApiError, setAuthHandlers, setCsrfToken } from '../api/client';
import { safeNext } from './safeNext';

type AuthValue = {
  /** null when nobody is signed in; undefined while the start-up check runs. */
  user: SessionUser | null | undefined;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** Re-reads /auth/me (after a password change). */
  refresh: () => Promise<SessionUser | null>;
  can: (action: Action) => boolean;
};

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const refresh = useCallback(async () => {
    try {
      const res = await authApi.me();
      setCsrfToken(res.csrfToken);
      setUser(res.user);
      return res.user;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      setCsrfToken('');
      setUser(null);
      return null;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setUser(null));
  }, [refresh]);

  useEffect(() => {
    setAuthHandlers({
      onUnauthorized: () => {
        setCsrfToken('');
        setUser(null);
        queryClient.clear();
        const here = window.location.pathname + window.location.search;
        if (window.location.pathname !== '/login') navigate(`/login?expired=1&next=${encodeURIComponent(safeNext(here))}`, { replace: true });
      },
      onPasswordChangeRequired: () => setUser((u) => (u ? { ...u, mustChangePassword: true } : u)),
    });
    return () => setAuthHandlers({});
  }, [navigate, queryClient]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.login(username, password);
      queryClient.clear();
      setCsrfToken(res.csrfToken);
      setUser(res.user);
      return res.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken('');
      setUser(null);
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }, [navigate, queryClient]);

  const value = useMemo<AuthValue>(
    () => ({ user, signIn, signOut, refresh, can: (action) => (user ? can(user.roles, action) : false) }),
    [user, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user inside guarded pages. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
