/** Everything about one block: name, utterances, parameters, contexts, skill and the answer. */
import { Badge, Grid, Group, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Block, BotFile } from "../../../../src/core/bot/schema.js";
import { ContextsEditor } from "./ContextsEditor.js";
import { componentKeyOf } from "./component-defaults.js";
import { ParametersEditor } from "./ParametersEditor.js";
import { Preview } from "./Preview.js";
import { ResponseEditor } from "./ResponseEditor.js";
import { UtteranceEditor } from "./UtteranceEditor.js";
import { allBlocks } from "./useDraft.js";

/** The engine's waiting text after a useCallback:true answer, shown as the placeholder. */
const DEFAULT_CALLBACK_WAITING_TEXT = "답변을 준비하고 있어요. 잠시만 기다려 주세요.";
const EVENT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Why an event name cannot be saved (i18n key), or null when it is fine. */
export function eventNameProblem(bot: BotFile, block: Block): string | null {
  const name = block.eventName ?? "";
  if (name === "") return "block.eventNameRequired";
  if (!EVENT_NAME.test(name)) return "block.eventNameInvalid";
  const taken = allBlocks(bot).some((b) => b.id !== block.id && b.type === "event" && b.eventName === name);
  return taken ? "block.eventNameDuplicate" : null;
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={4} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function BlockEditor({
  bot,
  block,
  onChange,
  onOpenBlock,
}: {
  bot: BotFile;
  block: Block;
  /** `key` groups keystrokes in one field into one undo step. */
  onChange(change: (b: Block) => Block, key: string): void;
  onOpenBlock(id: string): void;
}) {
  const { t } = useTranslation();
  const system = block.type !== "normal";
  const eventProblem = block.type === "event" ? eventNameProblem(bot, block) : null;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: "auto" }} miw={0}>
        <Stack>
          <Paper withBorder p="md">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                style={{ flex: 1 }}
                label={t("block.name")}
                required
                maxLength={100}
                value={block.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  onChange((b) => ({ ...b, name }), `${block.id}.name`);
                }}
              />
              <Badge variant="light" size="lg" color={system ? "grape" : "gray"}>
                {t(`block.types.${block.type}`)}
              </Badge>
              {block.type === "welcome" ? (
                <Switch
                  label={t("block.enabled")}
                  checked={block.enabled}
                  onChange={(e) => {
                    const enabled = e.currentTarget.checked;
                    onChange((b) => ({ ...b, enabled }), "");
                  }}
                />
              ) : null}
            </Group>
            {system ? (
              <Text size="xs" c="dimmed" mt="xs">
                {t(`block.help.${block.type}`)}
              </Text>
            ) : null}
            {block.type === "event" ? (
              <TextInput
                mt="xs"
                label={t("block.eventName")}
                description={t("block.eventNameHelp")}
                required
                maxLength={64}
                value={block.eventName ?? ""}
                error={eventProblem ? t(eventProblem) : undefined}
                onChange={(e) => {
                  const eventName = e.currentTarget.value;
                  onChange((b) => ({ ...b, eventName: eventName === "" ? undefined : eventName }), `${block.id}.eventName`);
                }}
              />
            ) : null}
          </Paper>
          {block.type === "normal" || block.type === "exit" ? (
            <Section id="sec-utterances" title={block.type === "exit" ? t("utterances.exitTitle") : t("utterances.title")}>
              <UtteranceEditor
                bot={bot}
                blockId={block.id}
                label={t("utterances.label")}
                suggestMore={block.type === "normal"}
                utterances={block.utterances}
                onChange={(utterances) => onChange((b) => ({ ...b, utterances }), "")}
                onOpenBlock={onOpenBlock}
              />
            </Section>
          ) : null}
          {block.type === "normal" || block.type === "event" ? (
            <Section id="sec-parameters" title={t("parameters.title")}>
              <ParametersEditor
                bot={bot}
                parameters={block.parameters}
                onChange={(parameters) => onChange((b) => ({ ...b, parameters }), `${block.id}.parameters`)}
              />
            </Section>
          ) : null}
          {block.type === "normal" ? (
            <Section id="sec-contexts" title={t("contexts.title")}>
              <ContextsEditor
                inputContexts={block.inputContexts}
                outputContexts={block.outputContexts}
                onInput={(inputContexts) => onChange((b) => ({ ...b, inputContexts }), "")}
                onOutput={(outputContexts) => onChange((b) => ({ ...b, outputContexts }), `${block.id}.outputContexts`)}
              />
            </Section>
          ) : null}
          <Section id="sec-skill" title={t("skill.title")}>
            <Group align="flex-end" wrap="wrap">
              <Select
                w={240}
                label={t("skill.select")}
                placeholder={t("skill.none")}
                clearable
                value={block.skill ?? null}
                data={bot.skills.map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v) =>
                  onChange((b) => {
                    const keep = v !== null || bot.settings.defaultSkill !== undefined;
                    return { ...b, skill: v ?? undefined, useSkillData: keep && b.useSkillData, allowCallback: keep && b.allowCallback };
                  }, "")
                }
                nothingFoundMessage={t("skill.noSkills")}
              />
              <Switch
                label={t("skill.useSkillData")}
                disabled={!block.skill && !bot.settings.defaultSkill}
                checked={block.useSkillData}
                onChange={(e) => {
                  const useSkillData = e.currentTarget.checked;
                  // The skill's template is the answer, so the block keeps no outputs of its own.
                  onChange(
                    (b) => ({
                      ...b,
                      useSkillData,
                      outputs: useSkillData ? [] : b.outputs,
                      allowCallback: useSkillData ? b.allowCallback : false,
                    }),
                    "",
                  );
                }}
              />
              <Switch
                label={t("skill.allowCallback")}
                disabled={!block.useSkillData}
                checked={block.allowCallback}
                onChange={(e) => {
                  const allowCallback = e.currentTarget.checked;
                  onChange((b) => ({ ...b, allowCallback }), "");
                }}
              />
            </Group>
            {block.allowCallback ? (
              <Textarea
                mt="sm"
                label={t("skill.callbackWaitingText")}
                description={t("skill.callbackWaitingTextHelp", { example: "{{#webhook.key}}" })}
                placeholder={DEFAULT_CALLBACK_WAITING_TEXT}
                autosize
                minRows={2}
                maxLength={1000}
                value={block.callbackWaitingText ?? ""}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  onChange((b) => ({ ...b, callbackWaitingText: text === "" ? undefined : text }), `${block.id}.callbackWaitingText`);
                }}
              />
            ) : null}
          </Section>
          <Section id="sec-response" title={t("response.title")}>
            {block.useSkillData ? (
              <Text size="sm" c="dimmed">
                {t("response.fromSkill")}
              </Text>
            ) : (
              <ResponseEditor
                bot={bot}
                outputs={block.outputs}
                quickReplies={block.quickReplies}
                onOutputs={(outputs) =>
                  onChange((b) => ({ ...b, outputs }), `${block.id}.outputs.${outputs.map(componentKeyOf).join(",")}`)
                }
                onQuickReplies={(quickReplies) =>
                  onChange((b) => ({ ...b, quickReplies }), `${block.id}.quickReplies.${quickReplies.length}`)
                }
              />
            )}
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: "content" }} w={{ base: "100%", lg: 310 }}>
        <div style={{ position: "sticky", top: 70 }}>
          <Preview botName={bot.name} outputs={block.useSkillData ? [] : block.outputs} quickReplies={block.quickReplies} />
        </div>
      </Grid.Col>
    </Grid>
  );
}
