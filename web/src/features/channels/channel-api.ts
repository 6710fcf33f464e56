/** Queries and writes of the channel screens; every write refreshes the channel, the list and the status. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { BotSummary } from "../../api/types.js";
import type { BotConnection, Channel, ChannelFields, ChannelStatus, ConnectionRole } from "./types.js";

export const channelKeys = {
  list: (workspaceId: string) => ["channels", workspaceId] as const,
  one: (channelId: string) => ["channel", channelId] as const,
  status: (channelId: string) => ["channel-status", channelId] as const,
};

export function useChannelList(workspaceId: string) {
  return useQuery({
    queryKey: channelKeys.list(workspaceId),
    queryFn: () => api.get<{ channels: Channel[] }>(`/channels?workspaceId=${encodeURIComponent(workspaceId)}`),
    enabled: workspaceId !== "",
  });
}

export function useChannel(channelId: string) {
  return useQuery({
    queryKey: channelKeys.one(channelId),
    queryFn: () => api.get<Channel>(`/channels/${encodeURIComponent(channelId)}`),
  });
}

export function useChannelStatus(channelId: string) {
  return useQuery({
    queryKey: channelKeys.status(channelId),
    queryFn: () => api.get<ChannelStatus>(`/channels/${encodeURIComponent(channelId)}/status`),
  });
}

export function useWorkspaceBots(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["bots", workspaceId],
    queryFn: () => api.get<{ bots: BotSummary[] }>(`/bots?workspaceId=${encodeURIComponent(workspaceId)}`),
    enabled: enabled && workspaceId !== "",
  });
}

function useRefresh(channelId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["channels"] }),
      queryClient.invalidateQueries({ queryKey: channelKeys.one(channelId) }),
      queryClient.invalidateQueries({ queryKey: channelKeys.status(channelId) }),
    ]);
}

export function useUpdateChannel(channelId: string, onSaved?: () => void) {
  const refresh = useRefresh(channelId);
  return useMutation({
    mutationFn: (fields: ChannelFields) => api.patch<Channel>(`/channels/${encodeURIComponent(channelId)}`, fields),
    onSuccess: async () => {
      await refresh();
      onSaved?.();
    },
  });
}

export function useConnection(channelId: string) {
  const refresh = useRefresh(channelId);
  const path = (role: ConnectionRole) => `/channels/${encodeURIComponent(channelId)}/connections/${role}`;
  const connect = useMutation({
    mutationFn: (v: { role: ConnectionRole; botId: string }) => api.put<{ connections: BotConnection[] }>(path(v.role), { botId: v.botId }),
    onSuccess: refresh,
  });
  const disconnect = useMutation({
    mutationFn: (role: ConnectionRole) => api.del<{ connections: BotConnection[] }>(path(role)),
    onSuccess: refresh,
  });
  return { connect, disconnect };
}
