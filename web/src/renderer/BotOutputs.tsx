/** The chat-room rendering of a bot answer: up to three bubbles, then the quick replies. */
import { type ReactNode, useState } from "react";
import type { OutputComponent, QuickReply } from "../../../src/core/skill/components.js";
import type { ActionHandler } from "./actions.js";
import { CarouselView } from "./Carousel.js";
import { BasicCardView, CommerceCardView, ItemCardView, ListCardView, TextCardView } from "./cards.js";
import { DEFAULT_LABELS, type RendererLabels } from "./labels.js";
import { Picture } from "./parts.js";
import styles from "./renderer.module.css";

/** Texts over this many characters are folded behind "전체 보기", as in the chat room. */
const FOLD_AT = 500;

function SimpleTextView({ text, labels }: { text: string; labels: RendererLabels }) {
  const [open, setOpen] = useState(false);
  const chars = [...text];
  const folded = chars.length > FOLD_AT && !open;
  return (
    <div className={styles.bubble} data-component="simpleText">
      {folded ? `${chars.slice(0, FOLD_AT).join("")}…` : text}
      {chars.length > FOLD_AT ? (
        <button type="button" className={styles.foldButton} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? labels.showLess : labels.showMore}
        </button>
      ) : null}
    </div>
  );
}

export function OutputView({
  output,
  onAction,
  labels = DEFAULT_LABELS,
}: {
  output: OutputComponent;
  onAction?: ActionHandler;
  labels?: RendererLabels;
}) {
  if ("simpleText" in output) return <SimpleTextView text={output.simpleText.text} labels={labels} />;
  if ("simpleImage" in output) {
    return (
      <div data-component="simpleImage">
        <Picture
          url={output.simpleImage.imageUrl}
          alt={output.simpleImage.altText}
          className={styles.image}
          missing={labels.imageMissing}
        />
      </div>
    );
  }
  if ("textCard" in output) return <TextCardView card={output.textCard} onAction={onAction} labels={labels} />;
  if ("basicCard" in output) return <BasicCardView card={output.basicCard} onAction={onAction} labels={labels} />;
  if ("commerceCard" in output) return <CommerceCardView card={output.commerceCard} onAction={onAction} labels={labels} />;
  if ("listCard" in output) return <ListCardView card={output.listCard} onAction={onAction} labels={labels} />;
  if ("itemCard" in output) return <ItemCardView card={output.itemCard} onAction={onAction} labels={labels} />;
  return <CarouselView carousel={output.carousel} onAction={onAction} labels={labels} />;
}

export interface BotMessageProps {
  outputs: readonly OutputComponent[];
  botName?: string;
  onAction?: ActionHandler;
  labels?: RendererLabels;
}

/** One bot turn: avatar, name and its bubbles. */
export function BotMessage({ outputs, botName, onAction, labels = DEFAULT_LABELS }: BotMessageProps) {
  return (
    <article className={styles.botRow} aria-label={labels.botMessage} data-testid="bot-message">
      <div className={styles.avatar} aria-hidden="true">
        {(botName ?? "B").slice(0, 1)}
      </div>
      <div className={styles.botStack}>
        {botName ? <div className={styles.botName}>{botName}</div> : null}
        {outputs.map((output, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bubbles are positional
          <OutputView key={i} output={output} onAction={onAction} labels={labels} />
        ))}
      </div>
    </article>
  );
}

export function UserMessage({ text, labels = DEFAULT_LABELS }: { text: string; labels?: RendererLabels }) {
  return (
    <article className={styles.userRow} aria-label={labels.userMessage} data-testid="user-message">
      <div className={styles.userBubble}>{text}</div>
    </article>
  );
}

export function QuickReplies({
  replies,
  onAction,
  disabled = false,
  labels = DEFAULT_LABELS,
}: {
  replies: readonly QuickReply[];
  onAction?: ActionHandler;
  disabled?: boolean;
  labels?: RendererLabels;
}) {
  if (replies.length === 0) return null;
  return (
    <div className={styles.quickReplies} role="toolbar" aria-label={labels.quickReplies} data-component="quickReplies">
      {replies.map((reply, i) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: quick replies are positional
          key={i}
          type="button"
          className={styles.quickReply}
          disabled={disabled || !onAction}
          onClick={() => onAction?.({ kind: "quickReply", reply })}
        >
          {reply.label}
        </button>
      ))}
    </div>
  );
}

/** The chat room background that hosts messages. */
export function ChatRoom({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <section className={styles.room} aria-label={label}>
      {children}
    </section>
  );
}
