/**
 * The signed-in session: user, workspaces, the current workspace and role, and the CSRF token the
 * API client sends on writes. Loaded once from /auth/me; login and setup fill it directly.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { ApiError, api, setCsrfToken } from "../api/client.js";
import type { Role, SessionInfo, WorkspaceRef } from "../api/types.js";

interface SessionValue {
  session: SessionInfo | null;
  loading: boolean;
  workspace: WorkspaceRef | null;
  role: Role | undefined;
  selectWorkspace(id: string): void;
  signedIn(info: SessionInfo): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const WORKSPACE_KEY = "botcenter.workspace";

async function loadSession(): Promise<SessionInfo | null> {
  try {
    const info = await api.get<SessionInfo>("/auth/me");
    return info.user ? info : null;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ["session"], queryFn: loadSession, staleTime: Number.POSITIVE_INFINITY, retry: false });
  const [workspaceId, setWorkspaceId] = useState<string | null>(() => localStorage.getItem(WORKSPACE_KEY));
  const session = me.data ?? null;
  setCsrfToken(session?.csrfToken ?? null);

  const workspace = useMemo(() => {
    if (!session) return null;
    return session.workspaces.find((w) => w.id === workspaceId) ?? session.workspaces[0] ?? null;
  }, [session, workspaceId]);

  const selectWorkspace = useCallback((id: string) => {
    localStorage.setItem(WORKSPACE_KEY, id);
    setWorkspaceId(id);
  }, []);

  const signedIn = useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      queryClient.setQueryData(["session"], info);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post("/auth/logout");
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(["session"], null);
    }
  }, [queryClient]);

  const value: SessionValue = {
    session,
    loading: me.isPending,
    workspace,
    role: workspace?.role,
    selectWorkspace,
    signedIn,
    signOut,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
