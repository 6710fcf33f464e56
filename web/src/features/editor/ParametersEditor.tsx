/** Block parameters (slots): entity, required, re-prompt questions, max re-asks, default value. */
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Switch, TagsInput, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BlockParameter, BotFile } from "../../../../src/core/bot/schema.js";
import { SYSTEM_ENTITY_NAMES } from "./system-entities.js";

/** Bot text, so it follows the bot's language rather than the admin's. */
function firstPrompt(name: string, language: "ko" | "en"): string {
  return language === "en" ? `What is the ${name}?` : `${name} 값을 알려 주세요.`;
}

export function ParametersEditor({
  bot,
  parameters,
  onChange,
}: {
  bot: BotFile;
  parameters: readonly BlockParameter[];
  onChange(p: BlockParameter[]): void;
}) {
  const { t } = useTranslation();
  const entityData = [
    {
      group: t("entities.system"),
      items: SYSTEM_ENTITY_NAMES.map((n) => ({ value: n, label: `${n} (${t(`entities.sys.${n.replaceAll(".", "_")}.label`)})` })),
    },
    { group: t("entities.custom"), items: bot.entities.map((e) => ({ value: e.name, label: e.name })) },
  ];
  const set = (i: number, p: BlockParameter) => onChange(parameters.map((x, j) => (j === i ? p : x)));
  const nextName = () => {
    for (let n = parameters.length + 1; ; n++) if (!parameters.some((p) => p.name === `param${n}`)) return `param${n}`;
  };
  return (
    <Stack gap="xs">
      {parameters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("parameters.empty")}
        </Text>
      ) : null}
      {parameters.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional while renamed
        <Paper key={i} withBorder p="xs" data-testid="parameter-row">
          <Group align="flex-start" gap="xs" wrap="wrap">
            <TextInput
              style={{ flex: "1 1 120px" }}
              label={t("parameters.name")}
              required
              value={p.name}
              onChange={(e) => set(i, { ...p, name: e.currentTarget.value })}
            />
            <Select
              style={{ flex: "1 1 200px" }}
              label={t("parameters.entity")}
              searchable
              allowDeselect={false}
              value={p.entity}
              data={entityData}
              onChange={(v) => v && set(i, { ...p, entity: v })}
            />
            <Switch
              mt={30}
              label={t("parameters.required")}
              checked={p.required}
              onChange={(e) => {
                const required = e.currentTarget.checked;
                // A required parameter needs a question to ask; start with one the user can reword.
                const prompts = required && p.prompts.length === 0 ? [firstPrompt(p.name, bot.language)] : p.prompts;
                set(i, { ...p, required, prompts });
              }}
            />
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              aria-label={t("parameters.remove", { name: p.name })}
              onClick={() => onChange(parameters.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
          {p.required ? (
            <Group align="flex-start" gap="xs" mt="xs" wrap="wrap">
              <TagsInput
                style={{ flex: "3 1 260px" }}
                label={t("parameters.prompts")}
                description={t("parameters.promptsHelp")}
                maxTags={5}
                value={p.prompts}
                onChange={(prompts) => set(i, { ...p, prompts })}
                splitChars={[]}
              />
              <NumberInput
                style={{ flex: "1 1 120px" }}
                label={t("parameters.maxReprompts")}
                placeholder={t("parameters.botDefault", { n: bot.settings.maxReprompts })}
                min={0}
                max={10}
                allowDecimal={false}
                value={p.maxReprompts ?? ""}
                onChange={(v) => set(i, { ...p, maxReprompts: typeof v === "number" ? v : undefined })}
              />
            </Group>
          ) : (
            <TextInput
              mt="xs"
              label={t("parameters.defaultValue")}
              value={p.defaultValue ?? ""}
              onChange={(e) => set(i, { ...p, defaultValue: e.currentTarget.value === "" ? undefined : e.currentTarget.value })}
            />
          )}
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={parameters.length >= 30}
          onClick={() => onChange([...parameters, { name: nextName(), entity: "sys.text", required: false, prompts: [] }])}
        >
          {t("parameters.add")}
        </Button>
      </Group>
    </Stack>
  );
}
