/**
 * In-process fan-out of chat events to open SSE streams: one topic per room (messages, typing,
 * mode) and one per channel for the operator console. Messages are also in the store with their
 * sequence numbers, so a stream that missed something replays it from there; the hub only carries
 * what happens while a stream is open.
 */
export type Listener = (event: HubEvent) => void;

export type HubEvent = { kind: "message"; seq: number; data: unknown } | { kind: "typing"; on: boolean } | { kind: "room"; data: unknown };

export class ChatHub {
  private readonly topics = new Map<string, Set<Listener>>();

  subscribe(topic: string, listener: Listener): () => void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(listener);
    return () => {
      const current = this.topics.get(topic);
      current?.delete(listener);
      if (current && current.size === 0) this.topics.delete(topic);
    };
  }

  publish(topic: string, event: HubEvent): void {
    for (const listener of this.topics.get(topic) ?? []) {
      try {
        listener(event);
      } catch {
        // A broken stream must not stop delivery to the others; it unsubscribes when it closes.
      }
    }
  }

  listeners(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }
}

export const roomTopic = (roomId: string) => `room:${roomId}`;
export const operatorTopic = (channelId: string) => `operators:${channelId}`;
