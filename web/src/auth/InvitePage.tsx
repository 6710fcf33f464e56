import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { api } from "../api/client.js";
import type { SessionInfo } from "../api/types.js";
import { LanguageSwitch } from "../layout/LanguageSwitch.js";
import { ErrorAlert, LoadingState } from "../lib/states.js";
import { useSession } from "./session.js";

interface InvitationInfo {
  email: string;
  role: "owner" | "admin" | "editor" | "viewer";
  workspaceName: string;
  expiresAt: string;
  hasAccount: boolean;
}

/** An invitation link (/invite?token=...): a new person sets a name and password, an existing one confirms theirs. */
export function InvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { session, signedIn } = useSession();
  const token = params.get("token") ?? "";
  const [form, setForm] = useState({ name: "", password: "" });
  const info = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get<InvitationInfo>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      api.post<SessionInfo>("/invitations/accept", { token, password: form.password, ...(form.name ? { name: form.name } : {}) }),
    onSuccess: signedIn,
  });
  if (session && accept.isSuccess) return <Navigate to="/bots" replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <Stack>
          <Title order={2}>{t("invite.title")}</Title>
          {info.isPending ? <LoadingState /> : null}
          {info.error ? (
            <Alert color="red" role="alert">
              {t("invite.invalid")}
            </Alert>
          ) : null}
          {info.data ? (
            <form onSubmit={submit}>
              <Stack>
                <Text size="sm">
                  {t("invite.summary", { workspace: info.data.workspaceName, role: t(`roles.${info.data.role}`), email: info.data.email })}
                </Text>
                {info.data.hasAccount ? (
                  <Text size="sm" c="dimmed">
                    {t("invite.existing")}
                  </Text>
                ) : (
                  <TextInput
                    label={t("members.name")}
                    value={form.name}
                    onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                  />
                )}
                <PasswordInput
                  label={t("auth.password")}
                  description={info.data.hasAccount ? undefined : t("invite.passwordHelp")}
                  required
                  value={form.password}
                  onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
                />
                <ErrorAlert error={accept.error} />
                <Button type="submit" loading={accept.isPending}>
                  {t("invite.accept")}
                </Button>
              </Stack>
            </form>
          ) : null}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
