/** One renderer per card type; every text goes through React as text (never as HTML). */
import type { BasicCard, CommerceCard, ItemCard, ListCard, ListItem, TextCard } from "../../../src/core/skill/components.js";
import type { ActionHandler } from "./actions.js";
import type { RendererLabels } from "./labels.js";
import { ButtonList, CardThumbnail, Picture } from "./parts.js";
import styles from "./renderer.module.css";
import { safeHttpUrl } from "./safe-url.js";

interface CardProps<T> {
  card: T;
  onAction: ActionHandler | undefined;
  labels: RendererLabels;
}

export function TextCardView({ card, onAction, labels }: CardProps<TextCard>) {
  return (
    <div className={styles.card} data-component="textCard">
      <div className={styles.cardBody}>
        {card.title ? <div className={styles.cardTitle}>{card.title}</div> : null}
        {card.description ? <div className={styles.cardText}>{card.description}</div> : null}
      </div>
      <ButtonList buttons={card.buttons} layout={card.buttonLayout} horizontalByDefault={false} onAction={onAction} labels={labels} />
    </div>
  );
}

export function BasicCardView({ card, onAction, labels }: CardProps<BasicCard>) {
  return (
    <div className={styles.card} data-component="basicCard">
      <CardThumbnail thumbnail={card.thumbnail} labels={labels} />
      {card.profile ? (
        <div className={styles.profile}>
          {card.profile.imageUrl ? <Picture url={card.profile.imageUrl} alt="" className={styles.profileImage} missing="" /> : null}
          <span>{card.profile.nickname}</span>
        </div>
      ) : null}
      {card.title || card.description ? (
        <div className={styles.cardBody}>
          {card.title ? <div className={styles.cardTitle}>{card.title}</div> : null}
          {card.description ? <div className={styles.cardText}>{card.description}</div> : null}
        </div>
      ) : null}
      <ButtonList
        buttons={card.buttons}
        layout={card.buttonLayout}
        horizontalByDefault={card.thumbnail.fixedRatio === true}
        onAction={onAction}
        labels={labels}
      />
    </div>
  );
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat("ko-KR").format(n);
}

export function CommerceCardView({ card, onAction, labels }: CardProps<CommerceCard>) {
  const thumb = card.thumbnails[0];
  const discounted = card.discountedPrice ?? (card.discount !== undefined ? card.price - card.discount : undefined);
  const hasDiscount = discounted !== undefined && discounted !== card.price;
  return (
    <div className={styles.card} data-component="commerceCard">
      {thumb ? <CardThumbnail thumbnail={thumb} labels={labels} /> : null}
      {card.profile ? (
        <div className={styles.profile}>
          {card.profile.imageUrl ? <Picture url={card.profile.imageUrl} alt="" className={styles.profileImage} missing="" /> : null}
          <span>{card.profile.nickname}</span>
        </div>
      ) : null}
      <div className={styles.cardBody}>
        {card.title ? <div className={styles.cardTitle}>{card.title}</div> : null}
        {card.description ? <div className={styles.cardText}>{card.description}</div> : null}
        <div className={styles.price}>
          {hasDiscount && card.discountRate ? <span className={styles.priceRate}>{card.discountRate}%</span> : null}
          <span className={styles.priceNow}>
            {formatNumber(hasDiscount ? discounted : card.price)}
            {labels.won}
          </span>
          {hasDiscount ? (
            <span className={styles.priceOld}>
              {formatNumber(card.price)}
              {labels.won}
            </span>
          ) : null}
        </div>
      </div>
      <ButtonList
        buttons={card.buttons}
        layout={card.buttonLayout}
        horizontalByDefault={thumb?.fixedRatio === true}
        onAction={onAction}
        labels={labels}
      />
    </div>
  );
}

function ListItemView({ item, onAction, labels }: { item: ListItem; onAction: ActionHandler | undefined; labels: RendererLabels }) {
  const content = (
    <>
      <span className={styles.listItemText}>
        <span className={styles.listItemTitle}>{item.title}</span>
        {item.description ? <span className={styles.listItemDesc}>{item.description}</span> : null}
      </span>
      {item.imageUrl ? <Picture url={item.imageUrl} alt="" className={styles.listItemImage} missing={labels.imageMissing} /> : null}
    </>
  );
  if (item.action) {
    return (
      <button type="button" className={styles.listItem} disabled={!onAction} onClick={() => onAction?.({ kind: "listItem", item })}>
        {content}
      </button>
    );
  }
  const href = safeHttpUrl(item.link?.web ?? item.link?.mobile ?? item.link?.pc);
  if (href) {
    return (
      <a className={styles.listItem} href={href} target="_blank" rel="noopener noreferrer">
        {content}
      </a>
    );
  }
  return <div className={styles.listItem}>{content}</div>;
}

export function ListCardView({ card, onAction, labels }: CardProps<ListCard>) {
  return (
    <div className={styles.card} data-component="listCard">
      <div className={styles.listHeader}>{card.header.title}</div>
      {card.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional
        <ListItemView key={i} item={item} onAction={onAction} labels={labels} />
      ))}
      <div style={{ height: 8 }} />
      <ButtonList buttons={card.buttons} layout={card.buttonLayout} horizontalByDefault={false} onAction={onAction} labels={labels} />
    </div>
  );
}

export function ItemCardView({ card, onAction, labels }: CardProps<ItemCard>) {
  const alignLeft = card.itemListAlignment === "left";
  return (
    <div className={styles.card} data-component="itemCard">
      {card.thumbnail ? <CardThumbnail thumbnail={card.thumbnail} labels={labels} /> : null}
      {card.head ? <div className={styles.itemHead}>{card.head.title}</div> : null}
      {card.profile ? (
        <div className={styles.profile}>
          {card.profile.imageUrl ? <Picture url={card.profile.imageUrl} alt="" className={styles.profileImage} missing="" /> : null}
          <span>{card.profile.title}</span>
        </div>
      ) : null}
      {card.imageTitle ? (
        <div className={styles.imageTitle}>
          <span className={styles.listItemText}>
            <span className={styles.cardTitle}>{card.imageTitle.title}</span>
            {card.imageTitle.description ? <span className={styles.listItemDesc}>{card.imageTitle.description}</span> : null}
          </span>
          {card.imageTitle.imageUrl ? (
            <Picture url={card.imageTitle.imageUrl} alt="" className={styles.listItemImage} missing={labels.imageMissing} />
          ) : null}
        </div>
      ) : null}
      <div className={styles.cardBody}>
        {card.itemList.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <div key={i} className={alignLeft ? `${styles.itemRow} ${styles.itemRowLeft}` : styles.itemRow}>
            <span className={styles.itemRowLabel}>{item.title}</span>
            <span className={styles.itemRowValue}>{item.description}</span>
          </div>
        ))}
        {card.itemListSummary ? (
          <div className={`${styles.itemRow} ${styles.itemSummary}`}>
            <span>{card.itemListSummary.title}</span>
            <span className={styles.itemRowValue}>{card.itemListSummary.description}</span>
          </div>
        ) : null}
        {card.title ? <div className={styles.cardTitle}>{card.title}</div> : null}
        {card.description ? <div className={styles.cardText}>{card.description}</div> : null}
      </div>
      <ButtonList buttons={card.buttons} layout={card.buttonLayout} horizontalByDefault={false} onAction={onAction} labels={labels} />
    </div>
  );
}
