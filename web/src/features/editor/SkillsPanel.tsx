/** Skills (webhooks) of the bot: URL, test URL, headers, timeout; and which blocks use each. */
import { Button, Grid, Group, NavLink, NumberInput, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BotFile, SkillDefinition } from "../../../../src/core/bot/schema.js";
import { EmptyState } from "../../lib/states.js";
import { newId } from "./ids.js";
import { SkillLog } from "./SkillLog.js";
import { SkillTest } from "./SkillTest.js";
import { allBlocks } from "./useDraft.js";

function headersToText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
}

function textToHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at <= 0) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

export function SkillsPanel({
  bot,
  botId,
  dirty,
  onChange,
  readOnly,
}: {
  bot: BotFile;
  botId: string;
  dirty: boolean;
  onChange(change: (d: BotFile) => BotFile, key?: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(bot.skills[0]?.id ?? null);
  const skill = bot.skills.find((s) => s.id === selected);
  const setSkill = (next: SkillDefinition, key?: string) =>
    onChange((d) => ({ ...d, skills: d.skills.map((s) => (s.id === next.id ? next : s)) }), key);
  const usedBy = skill ? allBlocks(bot).filter((b) => b.skill === skill.id) : [];
  const add = () => {
    const id = newId();
    onChange((d) => ({
      ...d,
      skills: [
        ...d.skills,
        { id, name: t("skills.newName"), description: "", url: "https://example.com/skill", headers: {}, testHeaders: {}, timeoutMs: 5000 },
      ],
    }));
    setSelected(id);
  };
  const blockName = (id: string) => allBlocks(bot).find((b) => b.id === id)?.name;
  return (
    <Stack>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs">
            {bot.skills.map((s) => (
              <NavLink component="button" key={s.id} label={s.name} active={s.id === selected} onClick={() => setSelected(s.id)} />
            ))}
            {!readOnly ? (
              <Button size="xs" variant="light" fullWidth mt="xs" onClick={add}>
                {t("skills.add")}
              </Button>
            ) : null}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {skill ? (
            <Stack>
              <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <Paper withBorder p="md">
                  <Stack gap="xs">
                    <TextInput
                      label={t("skills.name")}
                      required
                      value={skill.name}
                      onChange={(e) => setSkill({ ...skill, name: e.currentTarget.value }, `skill.${skill.id}.name`)}
                    />
                    <TextInput
                      label={t("skills.description")}
                      value={skill.description}
                      onChange={(e) => setSkill({ ...skill, description: e.currentTarget.value }, `skill.${skill.id}.desc`)}
                    />
                    <TextInput
                      label={t("skills.url")}
                      required
                      value={skill.url}
                      onChange={(e) => setSkill({ ...skill, url: e.currentTarget.value }, `skill.${skill.id}.url`)}
                    />
                    <TextInput
                      label={t("skills.testUrl")}
                      description={t("skills.testUrlHelp")}
                      value={skill.testUrl ?? ""}
                      onChange={(e) =>
                        setSkill(
                          { ...skill, testUrl: e.currentTarget.value === "" ? undefined : e.currentTarget.value },
                          `skill.${skill.id}.testUrl`,
                        )
                      }
                    />
                    <Textarea
                      key={`${skill.id}.headers`}
                      label={t("skills.headers")}
                      description={t("skills.headersHelp")}
                      autosize
                      minRows={2}
                      defaultValue={headersToText(skill.headers)}
                      onBlur={(e) => setSkill({ ...skill, headers: textToHeaders(e.currentTarget.value) })}
                    />
                    <Textarea
                      key={`${skill.id}.testHeaders`}
                      label={t("skills.testHeaders")}
                      description={t("skills.testHeadersHelp")}
                      autosize
                      minRows={2}
                      placeholder={t("skills.testHeadersPlaceholder")}
                      defaultValue={headersToText(skill.testHeaders)}
                      onBlur={(e) => setSkill({ ...skill, testHeaders: textToHeaders(e.currentTarget.value) })}
                    />
                    <NumberInput
                      label={t("skills.timeout")}
                      min={100}
                      max={30000}
                      step={500}
                      allowDecimal={false}
                      value={skill.timeoutMs}
                      onChange={(v) => setSkill({ ...skill, timeoutMs: typeof v === "number" ? v : 5000 }, `skill.${skill.id}.timeout`)}
                    />
                    <Text size="sm">
                      {t("skills.usedBy")}: {usedBy.length === 0 ? t("skills.unused") : usedBy.map((b) => b.name).join(", ")}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("skills.testHelp")}
                    </Text>
                    <Group>
                      <Button
                        color="red"
                        variant="subtle"
                        disabled={usedBy.length > 0}
                        onClick={() => {
                          onChange((d) => ({ ...d, skills: d.skills.filter((s) => s.id !== skill.id) }));
                          setSelected(null);
                        }}
                      >
                        {t("skills.delete")}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              </fieldset>
              <Paper withBorder p="md">
                <SkillTest botId={botId} skillId={skill.id} dirty={dirty} />
              </Paper>
            </Stack>
          ) : (
            <EmptyState title={t("skills.empty")}>
              <Text size="sm" c="dimmed">
                {t("skills.emptyHelp")}
              </Text>
            </EmptyState>
          )}
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md">
        <SkillLog botId={botId} skills={bot.skills} blockName={blockName} />
      </Paper>
    </Stack>
  );
}
