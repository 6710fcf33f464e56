/** 스킬 테스트: send a sample request to the skill's test URL and show request, response, latency and findings. */
import { Badge, Button, Code, Group, List, ScrollArea, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../lib/states.js";

interface SkillTestResult {
  ok: boolean;
  url: string;
  latencyMs: number;
  request: unknown;
  status: number | null;
  response: unknown;
  reason: string | null;
  detail: string | null;
  findings: Array<{ path: string; message: string; severity: string }>;
}

export function SkillTest({ botId, skillId, dirty }: { botId: string; skillId: string; dirty: boolean }) {
  const { t } = useTranslation();
  const [utterance, setUtterance] = useState(t("skills.sampleUtterance"));
  const run = useMutation({
    mutationFn: () => api.post<SkillTestResult>(`/bots/${botId}/skills/${skillId}/test`, { utterance }),
  });
  const result = run.data;
  return (
    <Stack gap="xs">
      <Title order={5}>{t("skills.testTitle")}</Title>
      {dirty ? (
        <Text size="xs" c="orange">
          {t("skills.testUnsaved")}
        </Text>
      ) : null}
      <Group align="flex-end" gap="xs">
        <TextInput
          style={{ flex: 1 }}
          label={t("skills.testUtterance")}
          value={utterance}
          onChange={(e) => setUtterance(e.currentTarget.value)}
        />
        <Button onClick={() => run.mutate()} loading={run.isPending} variant="light">
          {t("skills.runTest")}
        </Button>
      </Group>
      <ErrorAlert error={run.error} />
      {result ? (
        <Stack gap={6} data-testid="skill-test-result">
          <Group gap="xs">
            <Badge color={result.ok ? "green" : "red"}>{result.ok ? t("skills.testOk") : t("skills.testFailed")}</Badge>
            {result.status !== null ? <Badge variant="light">HTTP {result.status}</Badge> : null}
            <Badge variant="outline">{t("trace.latency", { ms: Math.round(result.latencyMs) })}</Badge>
            <Text size="xs" c="dimmed">
              {result.url}
            </Text>
          </Group>
          {result.reason ? (
            <Text size="sm" c="red">
              {result.reason}: {result.detail}
            </Text>
          ) : null}
          <Text size="xs" fw={600}>
            {t("trace.request")}
          </Text>
          <ScrollArea.Autosize mah={220}>
            <Code block style={{ fontSize: 11 }}>
              {JSON.stringify(result.request, null, 2)}
            </Code>
          </ScrollArea.Autosize>
          <Text size="xs" fw={600}>
            {t("trace.response")}
          </Text>
          <ScrollArea.Autosize mah={220}>
            <Code block style={{ fontSize: 11 }}>
              {typeof result.response === "string" ? result.response : JSON.stringify(result.response, null, 2)}
            </Code>
          </ScrollArea.Autosize>
          <Text size="xs" fw={600}>
            {t("trace.findings")}
          </Text>
          {result.findings.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t("trace.noFindings")}
            </Text>
          ) : (
            <List size="xs">
              {result.findings.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: findings may repeat
                <List.Item key={i}>
                  <Code>{f.path}</Code> {f.message}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
