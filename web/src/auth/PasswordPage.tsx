import { Button, Paper, PasswordInput, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { ErrorAlert } from "../lib/states.js";

export function PasswordPage() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => api.post("/auth/password", { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent("");
      setNew("");
      notifications.show({ color: "green", message: t("password.changed") });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <Paper withBorder p="lg" maw={440}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={2}>{t("password.title")}</Title>
          <PasswordInput
            label={t("password.current")}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t("password.new")}
            description={t("auth.passwordRule")}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
          />
          <ErrorAlert error={change.error} />
          <Button type="submit" loading={change.isPending}>
            {t("password.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
