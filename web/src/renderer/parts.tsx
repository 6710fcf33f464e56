/** Building blocks shared by the card renderers: images, buttons, profiles. */
import { useState } from "react";
import type { Button, ButtonLayout, Thumbnail } from "../../../src/core/skill/components.js";
import type { ActionHandler } from "./actions.js";
import type { RendererLabels } from "./labels.js";
import styles from "./renderer.module.css";
import { safeHttpUrl, safePhone } from "./safe-url.js";

export function Picture({ url, alt, className, missing }: { url: string | undefined; alt: string; className: string; missing: string }) {
  const src = safeHttpUrl(url);
  // An image that fails to load (offline, 404) shows its alt text in the same box instead.
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <div className={`${className} ${styles.thumbPlaceholder}`} role="img" aria-label={alt || missing}>
        {alt || missing}
      </div>
    );
  }
  return <img className={className} src={src} alt={alt} loading="lazy" onError={() => setFailed(src)} />;
}

export function CardThumbnail({ thumbnail, labels }: { thumbnail: Thumbnail; labels: RendererLabels }) {
  const className = thumbnail.fixedRatio ? `${styles.thumb} ${styles.thumbSquare}` : styles.thumb;
  const image = <Picture url={thumbnail.imageUrl} alt={thumbnail.altText ?? ""} className={className} missing={labels.imageMissing} />;
  const href = safeHttpUrl(thumbnail.link?.web ?? thumbnail.link?.mobile ?? thumbnail.link?.pc);
  if (!href) return image;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {image}
    </a>
  );
}

function ButtonView({ button, onAction, labels }: { button: Button; onAction: ActionHandler | undefined; labels: RendererLabels }) {
  const label = button.label || (button.action === "share" ? labels.share : button.action === "operator" ? labels.operator : "");
  if (button.action === "webLink") {
    const href = safeHttpUrl(button.webLinkUrl);
    if (href) {
      return (
        <a className={styles.button} href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      );
    }
  }
  if (button.action === "phone") {
    const tel = safePhone(button.phoneNumber);
    if (tel) {
      return (
        <a className={styles.button} href={`tel:${tel}`}>
          {label}
        </a>
      );
    }
  }
  return (
    <button type="button" className={styles.button} disabled={!onAction} onClick={() => onAction?.({ kind: "button", button })}>
      {label}
    </button>
  );
}

export function ButtonList({
  buttons,
  layout,
  horizontalByDefault,
  onAction,
  labels,
}: {
  buttons: readonly Button[] | undefined;
  layout: ButtonLayout | undefined;
  horizontalByDefault: boolean;
  onAction: ActionHandler | undefined;
  labels: RendererLabels;
}) {
  if (!buttons || buttons.length === 0) return null;
  const horizontal = layout ? layout === "horizontal" : horizontalByDefault;
  return (
    <div className={horizontal ? `${styles.buttons} ${styles.buttonsHorizontal}` : styles.buttons}>
      {buttons.map((button, i) => (
        // Buttons have no identity of their own; their order is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <ButtonView key={i} button={button} onAction={onAction} labels={labels} />
      ))}
    </div>
  );
}
