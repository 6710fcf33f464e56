import { Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { api } from "../api/client.js";
import type { SessionInfo } from "../api/types.js";
import { LanguageSwitch } from "../layout/LanguageSwitch.js";
import { ErrorAlert } from "../lib/states.js";
import { useSession } from "./session.js";

export function LoginPage() {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: () => api.post<SessionInfo>("/auth/login", { email, password }),
    onSuccess: signedIn,
  });
  const from = typeof location.state === "object" && location.state && "from" in location.state ? String(location.state.from) : "/bots";
  if (session) return <Navigate to={from} replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={submit} aria-label={t("auth.loginTitle")}>
          <Stack>
            <Title order={2}>{t("auth.loginTitle")}</Title>
            <TextInput
              label={t("auth.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t("auth.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorAlert error={login.error} />
            <Button type="submit" loading={login.isPending}>
              {t("auth.login")}
            </Button>
            <Anchor href="/setup" size="sm" c="dimmed">
              {t("auth.firstRun")}
            </Anchor>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
