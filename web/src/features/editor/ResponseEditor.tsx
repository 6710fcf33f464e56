/** The block's answer: up to three outputs of any component type, then quick replies. Limits live. */
import { ActionIcon, Alert, Button, Code, Group, List, Menu, Paper, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";
import { type Carousel, COMPONENT_KEYS, type OutputComponent, type QuickReply } from "../../../../src/core/skill/components.js";
import type { Finding } from "../../../../src/core/skill/findings.js";
import { checkBubbleBytes, checkOutputLimits, checkQuickReplyLimits, LIMITS } from "../../../../src/core/skill/limits.js";
import { QuickRepliesEditor } from "./ButtonsEditor.js";
import { BasicCardEditor, CommerceCardEditor, ItemCardEditor, ListCardEditor, TextCardEditor } from "./CardEditors.js";
import {
  componentKeyOf,
  emptyBasicCard,
  emptyCarousel,
  emptyCommerceCard,
  emptyItemCard,
  emptyListCard,
  emptyOutput,
  emptyTextCard,
} from "./component-defaults.js";
import { LimitedText } from "./fields.js";

const CAROUSEL_TYPES: ReadonlyArray<Carousel["type"]> = ["basicCard", "commerceCard", "textCard", "listCard", "itemCard"];

export function outputFindings(outputs: readonly OutputComponent[], replies: readonly QuickReply[]): Finding[] {
  return [
    ...outputs.flatMap((o, i) => [...checkOutputLimits(o, `outputs[${i}]`), ...checkBubbleBytes(o, `outputs[${i}]`)]),
    ...replies.flatMap((r, i) => checkQuickReplyLimits(r, `quickReplies[${i}]`)),
  ];
}

function OutputEditor({ bot, output, onChange }: { bot: BotFile; output: OutputComponent; onChange(o: OutputComponent): void }) {
  const { t } = useTranslation();
  if ("simpleText" in output) {
    return (
      <LimitedText
        label={t("components.text")}
        multiline
        value={output.simpleText.text}
        max={LIMITS.simpleTextMax}
        soft={{ at: LIMITS.simpleTextFold, message: t("limits.fold", { n: LIMITS.simpleTextFold }) }}
        description={t("components.textHelp")}
        onChange={(text) => onChange({ simpleText: { text } })}
      />
    );
  }
  if ("simpleImage" in output) {
    return (
      <Stack gap="xs">
        <LimitedText
          label={t("components.imageUrl")}
          value={output.simpleImage.imageUrl}
          onChange={(imageUrl) => onChange({ simpleImage: { ...output.simpleImage, imageUrl } })}
        />
        <LimitedText
          label={t("components.altText")}
          required
          value={output.simpleImage.altText}
          max={LIMITS.altTextMax}
          onChange={(altText) => onChange({ simpleImage: { ...output.simpleImage, altText } })}
        />
      </Stack>
    );
  }
  if ("textCard" in output)
    return <TextCardEditor bot={bot} inCarousel={false} value={output.textCard} onChange={(textCard) => onChange({ textCard })} />;
  if ("basicCard" in output)
    return <BasicCardEditor bot={bot} inCarousel={false} value={output.basicCard} onChange={(basicCard) => onChange({ basicCard })} />;
  if ("commerceCard" in output)
    return (
      <CommerceCardEditor
        bot={bot}
        inCarousel={false}
        value={output.commerceCard}
        onChange={(commerceCard) => onChange({ commerceCard })}
      />
    );
  if ("listCard" in output)
    return <ListCardEditor bot={bot} inCarousel={false} value={output.listCard} onChange={(listCard) => onChange({ listCard })} />;
  if ("itemCard" in output)
    return <ItemCardEditor bot={bot} inCarousel={false} value={output.itemCard} onChange={(itemCard) => onChange({ itemCard })} />;
  return <CarouselEditor bot={bot} carousel={output.carousel} onChange={(carousel) => onChange({ carousel })} />;
}

function CarouselEditor({ bot, carousel, onChange }: { bot: BotFile; carousel: Carousel; onChange(c: Carousel): void }) {
  const { t } = useTranslation();
  const max = carousel.type === "listCard" ? LIMITS.listCardCarouselMax : LIMITS.carouselItemsMax;
  const count = carousel.items.length;
  const remove = (i: number) => {
    switch (carousel.type) {
      case "textCard":
        return onChange({ ...carousel, items: carousel.items.filter((_, j) => j !== i) });
      case "basicCard":
        return onChange({ ...carousel, items: carousel.items.filter((_, j) => j !== i) });
      case "commerceCard":
        return onChange({ ...carousel, items: carousel.items.filter((_, j) => j !== i) });
      case "listCard":
        return onChange({ ...carousel, items: carousel.items.filter((_, j) => j !== i) });
      case "itemCard":
        return onChange({ ...carousel, items: carousel.items.filter((_, j) => j !== i) });
    }
  };
  const add = () => {
    switch (carousel.type) {
      case "textCard":
        return onChange({ ...carousel, items: [...carousel.items, emptyTextCard()] });
      case "basicCard":
        return onChange({ ...carousel, items: [...carousel.items, emptyBasicCard()] });
      case "commerceCard":
        return onChange({ ...carousel, items: [...carousel.items, emptyCommerceCard()] });
      case "listCard":
        return onChange({ ...carousel, items: [...carousel.items, emptyListCard()] });
      case "itemCard":
        return onChange({ ...carousel, items: [...carousel.items, emptyItemCard()] });
    }
  };
  const item = (i: number) => {
    switch (carousel.type) {
      case "textCard": {
        const v = carousel.items[i];
        return v ? (
          <TextCardEditor
            bot={bot}
            inCarousel
            value={v}
            onChange={(n) => onChange({ ...carousel, items: carousel.items.map((x, j) => (j === i ? n : x)) })}
          />
        ) : null;
      }
      case "basicCard": {
        const v = carousel.items[i];
        return v ? (
          <BasicCardEditor
            bot={bot}
            inCarousel
            value={v}
            onChange={(n) => onChange({ ...carousel, items: carousel.items.map((x, j) => (j === i ? n : x)) })}
          />
        ) : null;
      }
      case "commerceCard": {
        const v = carousel.items[i];
        return v ? (
          <CommerceCardEditor
            bot={bot}
            inCarousel
            value={v}
            onChange={(n) => onChange({ ...carousel, items: carousel.items.map((x, j) => (j === i ? n : x)) })}
          />
        ) : null;
      }
      case "listCard": {
        const v = carousel.items[i];
        return v ? (
          <ListCardEditor
            bot={bot}
            inCarousel
            value={v}
            onChange={(n) => onChange({ ...carousel, items: carousel.items.map((x, j) => (j === i ? n : x)) })}
          />
        ) : null;
      }
      case "itemCard": {
        const v = carousel.items[i];
        return v ? (
          <ItemCardEditor
            bot={bot}
            inCarousel
            value={v}
            onChange={(n) => onChange({ ...carousel, items: carousel.items.map((x, j) => (j === i ? n : x)) })}
          />
        ) : null;
      }
    }
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t("components.carouselType")}
          w={180}
          value={carousel.type}
          allowDeselect={false}
          data={CAROUSEL_TYPES.map((type) => ({ value: type, label: t(`components.types.${type}`) }))}
          onChange={(v) => {
            const next = CAROUSEL_TYPES.find((type) => type === v);
            if (next && next !== carousel.type) onChange(emptyCarousel(next));
          }}
        />
        <Button size="xs" variant="light" disabled={count >= max} onClick={add}>
          {t("components.addCard")} ({count}/{max})
        </Button>
      </Group>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cards are positional
        <Paper key={i} withBorder p="sm" bg="gray.0">
          <Group justify="space-between" mb="xs">
            <Text size="sm" fw={600}>
              {t("components.cardN", { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={count <= 1}
              aria-label={t("components.removeCard", { n: i + 1 })}
              onClick={() => remove(i)}
            >
              ✕
            </ActionIcon>
          </Group>
          {item(i)}
        </Paper>
      ))}
    </Stack>
  );
}

export function ResponseEditor({
  bot,
  outputs,
  quickReplies,
  onOutputs,
  onQuickReplies,
}: {
  bot: BotFile;
  outputs: readonly OutputComponent[];
  quickReplies: readonly QuickReply[];
  onOutputs(o: OutputComponent[]): void;
  onQuickReplies(q: QuickReply[]): void;
}) {
  const { t } = useTranslation();
  const findings = outputFindings(outputs, quickReplies);
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    const next = [...outputs];
    const a = next[i];
    const b = next[j];
    if (!a || !b) return;
    next[i] = b;
    next[j] = a;
    onOutputs(next);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("response.count", { n: outputs.length, max: LIMITS.outputsMax })}
        </Text>
        <Menu>
          <Menu.Target>
            <Button size="xs" disabled={outputs.length >= LIMITS.outputsMax}>
              {t("response.add")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {COMPONENT_KEYS.map((key) => (
              <Menu.Item key={key} onClick={() => onOutputs([...outputs, emptyOutput(key)])}>
                {t(`components.types.${key}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {outputs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("response.empty")}
        </Text>
      ) : null}
      {outputs.map((output, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: outputs are positional
        <Paper key={i} withBorder p="sm" data-testid={`output-${i}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {i + 1}. {t(`components.types.${componentKeyOf(output)}`)}
            </Text>
            <Group gap={4}>
              <ActionIcon variant="subtle" disabled={i === 0} aria-label={t("response.moveUp")} onClick={() => move(i, -1)}>
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === outputs.length - 1}
                aria-label={t("response.moveDown")}
                onClick={() => move(i, 1)}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("response.remove", { n: i + 1 })}
                onClick={() => onOutputs(outputs.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          </Group>
          <OutputEditor bot={bot} output={output} onChange={(o) => onOutputs(outputs.map((x, j) => (j === i ? o : x)))} />
        </Paper>
      ))}
      <QuickRepliesEditor bot={bot} replies={quickReplies} onChange={onQuickReplies} />
      {findings.length > 0 ? (
        <Alert
          color={findings.some((f) => f.severity === "error") ? "red" : "yellow"}
          title={t("response.findings", { n: findings.length })}
          data-testid="response-findings"
        >
          <List size="xs" spacing={2}>
            {findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings may repeat
              <List.Item key={i}>
                {f.severity === "warning" ? t("response.warning") : t("response.error")}: <Code>{f.path}</Code>{" "}
                {t(`findings.${f.rule}`, { defaultValue: f.message })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
