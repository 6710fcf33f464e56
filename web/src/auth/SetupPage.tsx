import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { api } from "../api/client.js";
import type { SessionInfo } from "../api/types.js";
import { LanguageSwitch } from "../layout/LanguageSwitch.js";
import { ErrorAlert, LoadingState } from "../lib/states.js";
import { useSession } from "./session.js";

/** First run: the one-time link the server prints (/setup?token=...) creates the first owner. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { session, signedIn } = useSession();
  const [form, setForm] = useState({ email: "", name: "", password: "" });
  const status = useQuery({ queryKey: ["setup"], queryFn: () => api.get<{ needsSetup: boolean }>("/setup") });
  const token = params.get("token") ?? "";
  const setup = useMutation({
    mutationFn: () => api.post<SessionInfo>("/setup", { token, ...form }),
    onSuccess: signedIn,
  });
  if (session) return <Navigate to="/bots" replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <Stack>
          <Title order={2}>{t("setup.title")}</Title>
          {status.isPending ? <LoadingState /> : null}
          <ErrorAlert error={status.error} />
          {status.data && !status.data.needsSetup ? (
            <Alert color="blue">
              <Text size="sm">{t("setup.done")}</Text>
              <Link to="/login">{t("auth.login")}</Link>
            </Alert>
          ) : null}
          {status.data?.needsSetup ? (
            <form onSubmit={submit}>
              <Stack>
                <Text size="sm" c="dimmed">
                  {token ? t("setup.intro") : t("setup.noToken")}
                </Text>
                <TextInput
                  label={t("auth.email")}
                  type="email"
                  required
                  value={form.email}
                  onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
                />
                <TextInput
                  label={t("auth.name")}
                  required
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                />
                <PasswordInput
                  label={t("auth.password")}
                  description={t("auth.passwordRule")}
                  autoComplete="new-password"
                  required
                  value={form.password}
                  onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
                />
                <ErrorAlert error={setup.error} />
                <Button type="submit" loading={setup.isPending} disabled={!token}>
                  {t("setup.create")}
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
