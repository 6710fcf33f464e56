/** Input contexts (the block is eligible while they live) and output contexts (set when it runs). */
import { ActionIcon, Button, Group, NumberInput, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OutputContext } from "../../../../src/core/bot/schema.js";

export function ContextsEditor({
  inputContexts,
  outputContexts,
  onInput,
  onOutput,
}: {
  inputContexts: readonly string[];
  outputContexts: readonly OutputContext[];
  onInput(v: string[]): void;
  onOutput(v: OutputContext[]): void;
}) {
  const { t } = useTranslation();
  const set = (i: number, c: OutputContext) => onOutput(outputContexts.map((x, j) => (j === i ? c : x)));
  return (
    <Stack gap="xs">
      <TagsInput
        label={t("contexts.input")}
        description={t("contexts.inputHelp")}
        maxTags={10}
        value={[...inputContexts]}
        onChange={onInput}
      />
      <Text size="sm" fw={500}>
        {t("contexts.output")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("contexts.outputHelp")}
      </Text>
      {outputContexts.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contexts are positional while renamed
        <Group key={i} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: "2 1 160px" }}
            label={t("contexts.name")}
            value={c.name}
            onChange={(e) => set(i, { ...c, name: e.currentTarget.value })}
          />
          <NumberInput
            style={{ flex: "1 1 100px" }}
            label={t("contexts.lifeSpan")}
            min={0}
            max={100}
            allowDecimal={false}
            value={c.lifeSpan}
            onChange={(v) => set(i, { ...c, lifeSpan: typeof v === "number" ? v : 0 })}
          />
          <NumberInput
            style={{ flex: "1 1 100px" }}
            label={t("contexts.ttl")}
            min={0}
            max={86400}
            allowDecimal={false}
            value={c.ttl}
            onChange={(v) => set(i, { ...c, ttl: typeof v === "number" ? v : 0 })}
          />
          <ActionIcon
            mb={4}
            variant="subtle"
            color="red"
            aria-label={t("contexts.remove", { name: c.name })}
            onClick={() => onOutput(outputContexts.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={outputContexts.length >= 10}
          onClick={() => onOutput([...outputContexts, { name: "", lifeSpan: 5, ttl: 600, params: {} }])}
        >
          {t("contexts.add")}
        </Button>
      </Group>
    </Stack>
  );
}
