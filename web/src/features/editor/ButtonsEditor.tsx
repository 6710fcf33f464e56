/** Card buttons and quick replies, with the fields each action needs and the layout's limits. */
import { ActionIcon, Group, Button as MButton, Paper, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";
import type { Button, ButtonAction, ButtonLayout, QuickReply, Thumbnail } from "../../../../src/core/skill/components.js";
import { isHorizontal, LIMITS } from "../../../../src/core/skill/limits.js";
import { BlockPicker } from "./BlockPicker.js";
import { LimitedText, optional } from "./fields.js";

const ACTIONS: readonly ButtonAction[] = ["block", "message", "webLink", "phone", "share", "operator"];

function isAction(v: string | null): v is ButtonAction {
  return v !== null && (ACTIONS as readonly string[]).includes(v);
}

/** Keeps only the field the new action uses, so stale fields never travel. */
function withAction(button: Button, action: ButtonAction): Button {
  return { label: button.label, action, ...(button.extra ? { extra: button.extra } : {}) };
}

export function ButtonsEditor({
  bot,
  buttons,
  horizontal,
  onChange,
  disabled,
}: {
  bot: BotFile;
  buttons: readonly Button[];
  horizontal: boolean;
  onChange(buttons: Button[]): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const max = horizontal ? LIMITS.buttonsHorizontalMax : LIMITS.buttonsVerticalMax;
  const labelMax = horizontal && buttons.length >= 2 ? LIMITS.buttonLabelHorizontalMax : LIMITS.buttonLabelMax;
  const set = (i: number, b: Button) => onChange(buttons.map((x, j) => (j === i ? b : x)));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t("buttons.title")} ({buttons.length}/{max})
        </Text>
        <MButton
          size="xs"
          variant="light"
          disabled={disabled || buttons.length >= max}
          onClick={() => onChange([...buttons, { label: "", action: "block" }])}
        >
          {t("buttons.add")}
        </MButton>
      </Group>
      {buttons.length > max ? (
        <Text size="xs" c="red">
          {t("buttons.tooMany", { max })}
        </Text>
      ) : null}
      {buttons.map((button, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: buttons are positional
        <Paper key={i} withBorder p="xs" data-testid="button-row">
          <Group align="flex-start" wrap="wrap" gap="xs">
            <div style={{ flex: "1 1 140px" }}>
              <LimitedText
                label={t("buttons.label")}
                value={button.label}
                max={labelMax}
                disabled={disabled}
                onChange={(label) => set(i, { ...button, label })}
              />
            </div>
            <Select
              style={{ flex: "0 1 130px" }}
              label={t("buttons.action")}
              value={button.action}
              allowDeselect={false}
              disabled={disabled}
              data={ACTIONS.map((a) => ({ value: a, label: t(`buttons.actions.${a}`) }))}
              onChange={(v) => isAction(v) && set(i, withAction(button, v))}
            />
            <div style={{ flex: "2 1 180px" }}>
              <ActionField bot={bot} button={button} disabled={disabled} onChange={(b) => set(i, b)} />
            </div>
            <ActionIcon
              mt={24}
              variant="subtle"
              color="red"
              disabled={disabled}
              aria-label={t("buttons.remove", { n: i + 1 })}
              onClick={() => onChange(buttons.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function ActionField({ bot, button, onChange, disabled }: { bot: BotFile; button: Button; onChange(b: Button): void; disabled?: boolean }) {
  const { t } = useTranslation();
  switch (button.action) {
    case "block":
      return <BlockPicker bot={bot} value={button.blockId} disabled={disabled} onChange={(blockId) => onChange({ ...button, blockId })} />;
    case "message":
      return (
        <LimitedText
          label={t("buttons.messageText")}
          value={button.messageText ?? ""}
          disabled={disabled}
          onChange={(v) => onChange({ ...button, messageText: optional(v) })}
        />
      );
    case "webLink":
      return (
        <LimitedText
          label={t("buttons.webLinkUrl")}
          placeholder="https://"
          value={button.webLinkUrl ?? ""}
          disabled={disabled}
          onChange={(v) => onChange({ ...button, webLinkUrl: optional(v) })}
        />
      );
    case "phone":
      return (
        <LimitedText
          label={t("buttons.phoneNumber")}
          value={button.phoneNumber ?? ""}
          disabled={disabled}
          onChange={(v) => onChange({ ...button, phoneNumber: optional(v) })}
        />
      );
    default:
      return (
        <Text size="xs" c="dimmed" mt={28}>
          {t(`buttons.noField.${button.action}`)}
        </Text>
      );
  }
}

export function LayoutSelect({
  value,
  onChange,
  disabled,
}: {
  value: ButtonLayout | undefined;
  onChange(v: ButtonLayout | undefined): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("buttons.layout")}
      w={160}
      disabled={disabled}
      value={value ?? "auto"}
      allowDeselect={false}
      data={[
        { value: "auto", label: t("buttons.layoutAuto") },
        { value: "vertical", label: t("buttons.layoutVertical") },
        { value: "horizontal", label: t("buttons.layoutHorizontal") },
      ]}
      onChange={(v) => onChange(v === "vertical" || v === "horizontal" ? v : undefined)}
    />
  );
}

export function QuickRepliesEditor({
  bot,
  replies,
  onChange,
  disabled,
}: {
  bot: BotFile;
  replies: readonly QuickReply[];
  onChange(r: QuickReply[]): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, r: QuickReply) => onChange(replies.map((x, j) => (j === i ? r : x)));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t("quickReplies.title")} ({replies.length}/{LIMITS.quickRepliesMax})
        </Text>
        <MButton
          size="xs"
          variant="light"
          disabled={disabled || replies.length >= LIMITS.quickRepliesMax}
          onClick={() => onChange([...replies, { label: "", action: "block" }])}
        >
          {t("quickReplies.add")}
        </MButton>
      </Group>
      {replies.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t("quickReplies.empty")}
        </Text>
      ) : null}
      {replies.map((reply, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: quick replies are positional
        <Paper key={i} withBorder p="xs">
          <Group align="flex-start" gap="xs" wrap="wrap">
            <div style={{ flex: "1 1 140px" }}>
              <LimitedText
                label={t("buttons.label")}
                value={reply.label}
                max={LIMITS.quickReplyLabelMax}
                disabled={disabled}
                onChange={(label) => set(i, { ...reply, label })}
              />
            </div>
            <Select
              style={{ flex: "0 1 130px" }}
              label={t("buttons.action")}
              value={reply.action}
              allowDeselect={false}
              disabled={disabled}
              data={[
                { value: "block", label: t("buttons.actions.block") },
                { value: "message", label: t("buttons.actions.message") },
              ]}
              onChange={(v) => (v === "block" || v === "message") && set(i, { label: reply.label, action: v })}
            />
            <div style={{ flex: "2 1 180px" }}>
              {reply.action === "block" ? (
                <BlockPicker bot={bot} value={reply.blockId} disabled={disabled} onChange={(blockId) => set(i, { ...reply, blockId })} />
              ) : (
                <LimitedText
                  label={t("buttons.messageText")}
                  value={reply.messageText ?? ""}
                  disabled={disabled}
                  onChange={(v) => set(i, { ...reply, messageText: optional(v) })}
                />
              )}
            </div>
            <ActionIcon
              mt={24}
              variant="subtle"
              color="red"
              disabled={disabled}
              aria-label={t("quickReplies.remove", { n: i + 1 })}
              onClick={() => onChange(replies.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * A card's buttons (and, unless `withLayout` is false, its button layout), counted as horizontal
 * the way the platform decides: an explicit layout, else a 1:1 thumbnail.
 */
export function CardButtons<T extends { buttons?: Button[]; buttonLayout?: ButtonLayout }>(props: {
  bot: BotFile;
  value: T;
  thumbnail?: Thumbnail;
  withLayout?: boolean;
  onChange(next: T): void;
}) {
  const { bot, value, thumbnail, onChange } = props;
  return (
    <>
      {props.withLayout === false ? null : (
        <LayoutSelect value={value.buttonLayout} onChange={(buttonLayout) => onChange({ ...value, buttonLayout })} />
      )}
      <ButtonsEditor
        bot={bot}
        buttons={value.buttons ?? []}
        horizontal={isHorizontal(value.buttonLayout, thumbnail)}
        onChange={(buttons) => onChange({ ...value, buttons })}
      />
    </>
  );
}
