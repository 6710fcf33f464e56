/** Horizontally swiped cards (scroll-snap), with previous/next buttons for mouse and keyboard users. */
import { useRef } from "react";
import type { Carousel } from "../../../src/core/skill/components.js";
import type { ActionHandler } from "./actions.js";
import { BasicCardView, CommerceCardView, ItemCardView, ListCardView, TextCardView } from "./cards.js";
import type { RendererLabels } from "./labels.js";
import { Picture } from "./parts.js";
import styles from "./renderer.module.css";

function items(carousel: Carousel, onAction: ActionHandler | undefined, labels: RendererLabels) {
  switch (carousel.type) {
    case "textCard":
      // biome-ignore lint/suspicious/noArrayIndexKey: carousel items are positional
      return carousel.items.map((card, i) => <TextCardView key={i} card={card} onAction={onAction} labels={labels} />);
    case "basicCard":
      // biome-ignore lint/suspicious/noArrayIndexKey: carousel items are positional
      return carousel.items.map((card, i) => <BasicCardView key={i} card={card} onAction={onAction} labels={labels} />);
    case "commerceCard":
      // biome-ignore lint/suspicious/noArrayIndexKey: carousel items are positional
      return carousel.items.map((card, i) => <CommerceCardView key={i} card={card} onAction={onAction} labels={labels} />);
    case "listCard":
      // biome-ignore lint/suspicious/noArrayIndexKey: carousel items are positional
      return carousel.items.map((card, i) => <ListCardView key={i} card={card} onAction={onAction} labels={labels} />);
    case "itemCard":
      // biome-ignore lint/suspicious/noArrayIndexKey: carousel items are positional
      return carousel.items.map((card, i) => <ItemCardView key={i} card={card} onAction={onAction} labels={labels} />);
  }
}

export function CarouselView({
  carousel,
  onAction,
  labels,
}: {
  carousel: Carousel;
  onAction: ActionHandler | undefined;
  labels: RendererLabels;
}) {
  const track = useRef<HTMLDivElement>(null);
  const scroll = (direction: 1 | -1) => {
    const el = track.current;
    if (el) el.scrollBy({ left: direction * 248, behavior: "smooth" });
  };
  const count = carousel.items.length + (carousel.header ? 1 : 0);
  return (
    <section className={styles.carousel} aria-roledescription="carousel" aria-label={labels.carousel} data-component="carousel">
      <div className={styles.track} ref={track}>
        {carousel.header ? (
          <div className={`${styles.card} ${styles.carouselHeader}`}>
            <Picture
              url={carousel.header.thumbnail.imageUrl}
              alt={carousel.header.thumbnail.altText ?? ""}
              className={styles.thumb}
              missing=""
            />
            <div className={styles.carouselHeaderText}>
              <div className={styles.cardTitle}>{carousel.header.title}</div>
              {carousel.header.description ? <div>{carousel.header.description}</div> : null}
            </div>
          </div>
        ) : null}
        {items(carousel, onAction, labels)}
      </div>
      {count > 1 ? (
        <>
          <button type="button" className={`${styles.navButton} ${styles.navPrev}`} aria-label={labels.previous} onClick={() => scroll(-1)}>
            ‹
          </button>
          <button type="button" className={`${styles.navButton} ${styles.navNext}`} aria-label={labels.next} onClick={() => scroll(1)}>
            ›
          </button>
        </>
      ) : null}
    </section>
  );
}
