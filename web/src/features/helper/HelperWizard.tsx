/** 챗봇 도우미: pick a template, name the bot, enter the channel's phone and address, create. */
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Stepper, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { BotRecord } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { can } from "../../lib/permissions.js";
import { ErrorAlert } from "../../lib/states.js";
import { buildHelperBot, type HelperAnswers, TEMPLATES, type TemplateId } from "./templates.js";

export function HelperWizard({ workspaceId, onCreated }: { workspaceId: string; onCreated(bot: BotRecord): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<HelperAnswers>({ template: "shop", name: "", phone: "", address: "" });
  const { role } = useSession();
  // Admins get the whole quick start: a channel with the entered phone and address, the bot deployed
  // as v1 and connected as the channel's operating bot. Others get the bot, and connect it later.
  const withChannel = can(role, "channel:write");
  const create = useMutation({
    mutationFn: async () => {
      const bot = await api.post<BotRecord>("/bots/import", { workspaceId, bot: buildHelperBot(answers) });
      if (withChannel) {
        const channel = await api.post<{ id: string }>("/channels", {
          workspaceId,
          name: answers.name,
          phone: answers.phone,
          address: answers.address,
        });
        await api.post(`/bots/${bot.id}/deploy`, { note: t("helper.firstDeployNote") });
        await api.put(`/channels/${channel.id}/connections/operating`, { botId: bot.id });
      }
      return bot;
    },
    onSuccess: onCreated,
  });
  const pick = (template: TemplateId) => setAnswers({ ...answers, template, name: answers.name || t(`helper.templates.${template}.name`) });
  const detailsReady = answers.name.trim() !== "" && answers.phone.trim() !== "" && answers.address.trim() !== "";
  return (
    <Stack>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
        <Stepper.Step label={t("helper.stepTemplate")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} role="radiogroup" aria-label={t("helper.stepTemplate")}>
            {TEMPLATES.map((tpl) => {
              const selected = answers.template === tpl.id;
              return (
                <UnstyledButton
                  key={tpl.id}
                  role="radio"
                  aria-checked={selected}
                  onClick={() => pick(tpl.id)}
                  data-testid={`template-${tpl.id}`}
                >
                  <Card
                    withBorder
                    padding="sm"
                    style={{ borderColor: selected ? "var(--mantine-color-indigo-6)" : undefined, borderWidth: selected ? 2 : 1 }}
                  >
                    <Text fw={600}>{t(`helper.templates.${tpl.id}.name`)}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`helper.templates.${tpl.id}.description`)}
                    </Text>
                  </Card>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
        </Stepper.Step>
        <Stepper.Step label={t("helper.stepDetails")}>
          <Stack>
            <TextInput
              label={t("helper.botName")}
              required
              value={answers.name}
              onChange={(e) => setAnswers({ ...answers, name: e.currentTarget.value })}
            />
            <TextInput
              label={t("helper.phone")}
              required
              placeholder="02-123-4567"
              value={answers.phone}
              onChange={(e) => setAnswers({ ...answers, phone: e.currentTarget.value })}
            />
            <TextInput
              label={t("helper.address")}
              required
              value={answers.address}
              onChange={(e) => setAnswers({ ...answers, address: e.currentTarget.value })}
            />
            <Alert color="yellow" data-testid="helper-copy-note">
              <Text size="sm">{t("helper.copyNote")}</Text>
              <Anchor component={Link} to="/channels#profile" size="sm">
                {t("helper.channelProfileLink")}
              </Anchor>
            </Alert>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t("helper.stepConfirm")}>
          <Stack gap="xs">
            <Text size="sm">
              {t("helper.confirmTemplate")}: <b>{t(`helper.templates.${answers.template}.name`)}</b>
            </Text>
            <Text size="sm">
              {t("helper.botName")}: <b>{answers.name}</b>
            </Text>
            <Text size="sm">
              {t("helper.phone")}: {answers.phone} · {t("helper.address")}: {answers.address}
            </Text>
            <Text size="sm" c="dimmed">
              {withChannel ? t("helper.channelCreated") : t("helper.channelLater")}
            </Text>
            <ErrorAlert error={create.error} />
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t("common.back")}
        </Button>
        {step < 2 ? (
          <Button onClick={() => setStep(step + 1)} disabled={step === 1 && !detailsReady}>
            {t("common.next")}
          </Button>
        ) : (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t("helper.create")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
