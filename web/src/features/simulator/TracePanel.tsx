/** Why the bot answered as it did: matched block and score, runner-ups, parameters, contexts, skill. */
import { Badge, Code, Group, List, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TestTrace } from "../../api/types.js";

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <ScrollArea.Autosize mah={220} aria-label={label}>
      <Code block style={{ fontSize: 11 }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </ScrollArea.Autosize>
  );
}

function remaining(expiresAt: string | null, now: number): string | null {
  if (expiresAt === null) return null;
  const s = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  return String(s);
}

export function TracePanel({ trace, at }: { trace: TestTrace; at: number }) {
  const { t } = useTranslation();
  const params = Object.entries(trace.parameters ?? {});
  const contexts = trace.contexts ?? [];
  const findings = [...(trace.findings ?? []), ...(trace.skill?.findings.map((f) => f.message) ?? [])];
  return (
    <Stack gap="sm" data-testid="trace">
      <div>
        <Title order={5}>{t("trace.block")}</Title>
        <Group gap="xs">
          <Text fw={700} data-testid="matched-block">
            {trace.block ? trace.block.name : t("trace.noBlock")}
          </Text>
          {trace.block ? <Badge variant="light">{t(`block.typeShort.${trace.block.type}`)}</Badge> : null}
          {trace.match ? (
            <Badge color={trace.match.accepted ? "green" : "gray"} variant="light" data-testid="match-score">
              {t("trace.score", { score: trace.match.score.toFixed(3) })}
            </Badge>
          ) : null}
          {trace.match?.exact ? <Badge variant="outline">{t("trace.exact")}</Badge> : null}
        </Group>
        {trace.trigger ? (
          <Text size="xs" c="dimmed">
            {t("trace.trigger")}: {trace.trigger.type}
            {trace.match ? ` · ${t("trace.threshold", { threshold: trace.match.threshold.toFixed(3) })}` : ""}
          </Text>
        ) : null}
        {trace.slotFilling ? (
          <Text size="xs">
            {t("trace.slotFilling", {
              parameter: trace.slotFilling.parameter,
              reasks: trace.slotFilling.reasks,
              outcome: t(`trace.outcomes.${trace.slotFilling.outcome}`, { defaultValue: trace.slotFilling.outcome }),
            })}
          </Text>
        ) : null}
      </div>
      {trace.match && trace.match.candidates.length > 0 ? (
        <div>
          <Title order={6}>{t("trace.candidates")}</Title>
          <Table fz="xs" aria-label={t("trace.candidates")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trace.candidateBlock")}</Table.Th>
                <Table.Th>{t("trace.candidateScore")}</Table.Th>
                <Table.Th>{t("trace.candidateExample")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trace.match.candidates.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a block may appear with two examples
                <Table.Tr key={i}>
                  <Table.Td>{c.blockName}</Table.Td>
                  <Table.Td>{c.score.toFixed(3)}</Table.Td>
                  <Table.Td>{c.example}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      <div>
        <Title order={6}>{t("trace.parameters")}</Title>
        {params.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t("trace.none")}
          </Text>
        ) : (
          <Table fz="xs" aria-label={t("trace.parameters")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("parameters.name")}</Table.Th>
                <Table.Th>{t("trace.origin")}</Table.Th>
                <Table.Th>{t("trace.value")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {params.map(([name, p]) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{p.origin}</Table.Td>
                  <Table.Td>
                    <Code>{p.value}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <div>
        <Title order={6}>{t("trace.contexts")}</Title>
        {contexts.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t("trace.none")}
          </Text>
        ) : (
          <Table fz="xs" aria-label={t("trace.contexts")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contexts.name")}</Table.Th>
                <Table.Th>{t("trace.turnsLeft")}</Table.Th>
                <Table.Th>{t("trace.secondsLeft")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contexts.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.lifeSpan}</Table.Td>
                  <Table.Td>{remaining(c.expiresAt, at) ?? t("trace.noTtl")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      {trace.skill ? (
        <div>
          <Title order={6}>
            {t("trace.skill", { name: trace.skill.name })} · {t("trace.latency", { ms: Math.round(trace.skill.latencyMs) })}
          </Title>
          {trace.skill.error ? (
            <Text size="xs" c="red">
              {trace.skill.error.reason}: {trace.skill.error.detail}
            </Text>
          ) : null}
          <Text size="xs" fw={600} mt={4}>
            {t("trace.request")}
          </Text>
          <Json value={trace.skill.request} label={t("trace.request")} />
          <Text size="xs" fw={600} mt={4}>
            {t("trace.response")}
          </Text>
          <Json value={trace.skill.response ?? null} label={t("trace.response")} />
        </div>
      ) : null}
      <div>
        <Title order={6}>{t("trace.findings")}</Title>
        {findings.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t("trace.noFindings")}
          </Text>
        ) : (
          <List size="xs">
            {findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings may repeat
              <List.Item key={i}>{f}</List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
