/** The search synonym groups as editable text (one group per line, terms separated by commas). */
import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ErrorAlert, LoadingState } from "../../lib/states.js";
import { formatSynonyms, parseSynonyms, readGroups } from "./synonyms.js";

const KEY = ["help-admin", "synonyms"] as const;

export function SynonymsEditor() {
  const query = useQuery({
    queryKey: KEY,
    queryFn: async () => readGroups((await api.get<{ groups: unknown }>("/help/admin/synonyms")).groups),
  });
  if (query.isPending) return <LoadingState />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  return <SynonymsForm initial={formatSynonyms(query.data)} />;
}

function SynonymsForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initial);
  const parsed = parseSynonyms(text);
  const save = useMutation({
    mutationFn: async () => readGroups((await api.put<{ groups: unknown }>("/help/admin/synonyms", { groups: parsed.groups })).groups),
    onSuccess: (groups) => {
      queryClient.setQueryData(KEY, groups);
      setText(formatSynonyms(groups));
      notifications.show({ color: "green", message: t("helpAdmin.synonyms.saved") });
    },
  });
  const problem = parsed.tooShort.length > 0 ? t("helpAdmin.synonyms.tooShort", { lines: parsed.tooShort.join(", ") }) : undefined;
  return (
    <Stack gap="xs">
      <Textarea
        label={t("helpAdmin.synonyms.label")}
        description={t("helpAdmin.synonyms.help")}
        autosize
        minRows={4}
        maxRows={16}
        value={text}
        error={problem}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="synonym-count">
          {t("helpAdmin.synonyms.groups", { count: parsed.groups.length })}
        </Text>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={problem !== undefined} data-testid="save-synonyms">
          {t("helpAdmin.synonyms.save")}
        </Button>
      </Group>
    </Stack>
  );
}
