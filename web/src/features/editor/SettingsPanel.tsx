/** Bot settings: name, description, language, time zone, contact info (a copy), and engine settings. */
import { Alert, Anchor, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BotFile } from "../../../../src/core/bot/schema.js";

export function SettingsPanel({ bot, onChange }: { bot: BotFile; onChange(change: (d: BotFile) => BotFile, key?: string): void }) {
  const { t } = useTranslation();
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : ["Asia/Seoul", "UTC"];
  return (
    <Stack maw={720}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t("settings.general")}</Title>
          <TextInput
            label={t("bots.name")}
            required
            maxLength={100}
            value={bot.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              onChange((d) => ({ ...d, name }), "bot.name");
            }}
          />
          <Textarea
            label={t("bots.description")}
            maxLength={1000}
            value={bot.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              onChange((d) => ({ ...d, description }), "bot.description");
            }}
          />
          <Select
            label={t("settings.language")}
            value={bot.language}
            allowDeselect={false}
            data={[
              { value: "ko", label: t("settings.languageKo") },
              { value: "en", label: t("settings.languageEn") },
            ]}
            onChange={(v) => onChange((d) => ({ ...d, language: v === "en" ? "en" : "ko" }))}
          />
          <Select
            label={t("settings.timezone")}
            searchable
            value={bot.timezone}
            allowDeselect={false}
            data={zones}
            onChange={(v) => v && onChange((d) => ({ ...d, timezone: v }))}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t("settings.info")}</Title>
          <TextInput
            label={t("helper.phone")}
            maxLength={30}
            value={bot.info.phone ?? ""}
            onChange={(e) => {
              const phone = e.currentTarget.value;
              onChange((d) => ({ ...d, info: { ...d.info, phone: phone === "" ? undefined : phone } }), "bot.phone");
            }}
          />
          <TextInput
            label={t("helper.address")}
            maxLength={200}
            value={bot.info.address ?? ""}
            onChange={(e) => {
              const address = e.currentTarget.value;
              onChange((d) => ({ ...d, info: { ...d.info, address: address === "" ? undefined : address } }), "bot.address");
            }}
          />
          <Alert color="yellow">
            <Text size="sm">{t("helper.copyNote")}</Text>
            <Anchor component={Link} to="/channels#profile" size="sm">
              {t("helper.channelProfileLink")}
            </Anchor>
          </Alert>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t("settings.engine")}</Title>
          <NumberInput
            label={t("settings.maxReprompts")}
            min={0}
            max={10}
            allowDecimal={false}
            value={bot.settings.maxReprompts}
            onChange={(v) => onChange((d) => ({ ...d, settings: { ...d.settings, maxReprompts: typeof v === "number" ? v : 2 } }))}
          />
          <Textarea
            label={t("settings.skillErrorMessage")}
            maxLength={1000}
            value={bot.settings.skillErrorMessage}
            onChange={(e) => {
              const skillErrorMessage = e.currentTarget.value;
              onChange((d) => ({ ...d, settings: { ...d.settings, skillErrorMessage } }), "bot.skillError");
            }}
          />
          <NumberInput
            label={t("settings.matchThreshold")}
            description={t("settings.matchThresholdHelp")}
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={bot.settings.matchThreshold ?? ""}
            onChange={(v) =>
              onChange((d) => ({ ...d, settings: { ...d.settings, matchThreshold: typeof v === "number" ? v : undefined } }))
            }
          />
          <Select
            label={t("settings.defaultSkill")}
            clearable
            value={bot.settings.defaultSkill ?? null}
            data={bot.skills.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v) => onChange((d) => ({ ...d, settings: { ...d.settings, defaultSkill: v ?? undefined } }))}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
