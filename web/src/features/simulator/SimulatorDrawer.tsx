/**
 * The bot test panel: a chat against the saved draft, rendered by the shared renderer, with the
 * trace of the selected turn. The simulated user can be a friend or not, linked to an app or not.
 */
import {
  Alert,
  Button,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { Delivery, TestInput, TestTurnResult, TestUser } from "../../api/types.js";
import { ErrorAlert } from "../../lib/states.js";
import { BotMessage, ChatRoom, QuickReplies, type RenderedAction, UserMessage } from "../../renderer/index.js";
import { useRendererLabels } from "./renderer-labels.js";
import { TracePanel } from "./TracePanel.js";
import { inputForAction } from "./to-input.js";

type Entry = { id: number } & (
  | { kind: "user"; text: string }
  | { kind: "bot"; turn: number; result: TestTurnResult; at: number }
  | { kind: "note"; text: string }
  | { kind: "callback"; response: TestTurnResult["response"] }
);

/** Callback answers come as `{outputs, quickReplies}`; anything else is ignored. */
function asResponse(payload: unknown): TestTurnResult["response"] | null {
  if (typeof payload !== "object" || payload === null || !("outputs" in payload) || !Array.isArray(payload.outputs)) return null;
  const quickReplies = "quickReplies" in payload && Array.isArray(payload.quickReplies) ? payload.quickReplies : [];
  // The server rendered these from a validated skill answer; the renderer tolerates missing fields.
  const response: TestTurnResult["response"] = { outputs: payload.outputs, quickReplies };
  return response;
}

const POLL_MS = 1500;
const POLL_MAX = 40;

/** Chat entries need stable keys; a module counter is enough (ids only have to differ). */
let nextEntryId = 1;

function newUserKey(): string {
  return `test-${Math.random().toString(36).slice(2, 10)}`;
}

export function SimulatorDrawer(props: {
  opened: boolean;
  onClose(): void;
  botId: string;
  botName: string;
  dirty: boolean;
  onSave(): void;
  saving: boolean;
  canSave: boolean;
}) {
  const { t } = useTranslation();
  const labels = useRendererLabels();
  const [userKey, setUserKey] = useState(newUserKey);
  const [friend, setFriend] = useState(true);
  const [linked, setLinked] = useState(false);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [text, setText] = useState("");
  const bottom = useRef<HTMLDivElement>(null);

  const user: TestUser = { isFriend: friend, ...(linked ? { appUserId: "app-user-1" } : {}) };
  const send = useMutation({
    mutationFn: (input: TestInput) => api.post<TestTurnResult>(`/bots/${props.botId}/test/messages`, { userKey, input, user }),
    onSuccess: (result) => {
      if (result.trace.pendingCallback) setWaitingSince(new Date(Date.now() - 1000).toISOString());
      setEntries((list) => {
        const turn = list.filter((e) => e.kind === "bot").length;
        setSelected(turn);
        return [...list, { id: nextEntryId++, kind: "bot", turn, result, at: Date.now() }];
      });
    },
  });
  const reset = useMutation({
    mutationFn: () => api.del(`/bots/${props.botId}/test/conversation?userKey=${encodeURIComponent(userKey)}`),
    onSettled: () => {
      setEntries([]);
      setSelected(null);
      setWaitingSince(null);
      setUserKey(newUserKey());
      send.reset();
    },
  });

  // While a callback answer is pending, poll the deliveries of this test user.
  const [waitingSince, setWaitingSince] = useState<string | null>(null);
  useEffect(() => {
    if (waitingSince === null) return;
    let polls = 0;
    let since = waitingSince;
    const timer = setInterval(async () => {
      polls++;
      try {
        const { messages } = await api.get<{ messages: Delivery[] }>(
          `/bots/${props.botId}/test/deliveries?userKey=${encodeURIComponent(userKey)}&since=${encodeURIComponent(since)}`,
        );
        for (const m of messages) {
          since = m.createdAt;
          const response = asResponse(m.payload);
          if (response) {
            setEntries((list) => [...list, { id: nextEntryId++, kind: "callback", response }]);
            setWaitingSince(null);
          }
        }
      } catch {
        // a failed poll is retried on the next tick
      }
      if (polls >= POLL_MAX) setWaitingSince(null);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waitingSince, props.botId, userKey]);

  const entryCount = entries.length;
  useEffect(() => {
    if (entryCount > 0) bottom.current?.scrollIntoView({ block: "end" });
  }, [entryCount]);

  const say = (input: TestInput, shown: string | null) => {
    if (shown !== null) setEntries((list) => [...list, { id: nextEntryId++, kind: "user", text: shown }]);
    send.mutate(input);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (value === "") return;
    setText("");
    say({ type: "text", text: value }, value);
  };
  const onAction = (action: RenderedAction) => {
    const outcome = inputForAction(action);
    if ("unsupported" in outcome) {
      setEntries((list) => [...list, { id: nextEntryId++, kind: "note", text: t(`simulator.unsupported.${outcome.unsupported}`) }]);
      return;
    }
    say(outcome.input, outcome.shown);
  };

  const bots = entries.filter((e): e is Extract<Entry, { kind: "bot" }> => e.kind === "bot");
  const last = bots.at(-1);
  const lastAnswer = entries.findLast((e) => e.kind === "bot" || e.kind === "callback");
  const lastReplies =
    lastAnswer?.kind === "bot"
      ? lastAnswer.result.response.quickReplies
      : lastAnswer?.kind === "callback"
        ? lastAnswer.response.quickReplies
        : [];
  const shownTrace = bots.find((b) => b.turn === selected) ?? last;

  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="min(900px, 100%)"
      title={t("simulator.title")}
      aria-label={t("simulator.title")}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              aria-label={t("simulator.friendStatus")}
              value={friend ? "friend" : "stranger"}
              onChange={(v) => setFriend(v === "friend")}
              data={[
                { value: "friend", label: t("simulator.friend") },
                { value: "stranger", label: t("simulator.notFriend") },
              ]}
            />
            <Switch size="xs" label={t("simulator.linkedApp")} checked={linked} onChange={(e) => setLinked(e.currentTarget.checked)} />
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => say({ type: "welcome" }, null)} loading={send.isPending}>
              {t("simulator.welcome")}
            </Button>
            <Button size="xs" variant="default" onClick={() => reset.mutate()} loading={reset.isPending}>
              {t("simulator.reset")}
            </Button>
          </Group>
        </Group>
        {props.dirty ? (
          <Alert color="orange" p="xs">
            <Group justify="space-between">
              <Text size="sm">{t("simulator.unsaved")}</Text>
              {props.canSave ? (
                <Button size="xs" onClick={props.onSave} loading={props.saving}>
                  {t("editor.save")}
                </Button>
              ) : null}
            </Group>
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Paper withBorder style={{ overflow: "hidden", display: "flex", flexDirection: "column" }}>
            <ScrollArea h="min(60vh, 560px)" data-testid="simulator-chat" style={{ background: "#b2c7da" }}>
              <ChatRoom label={t("simulator.chat")}>
                {entries.length === 0 ? (
                  <Text size="sm" c="dimmed" ta="center">
                    {t("simulator.empty")}
                  </Text>
                ) : null}
                <div role="log" aria-live="polite" style={{ display: "contents" }}>
                  {entries.map((e) => {
                    if (e.kind === "user") return <UserMessage key={e.id} text={e.text} labels={labels} />;
                    if (e.kind === "callback") {
                      return (
                        <BotMessage key={e.id} outputs={e.response.outputs} botName={props.botName} onAction={onAction} labels={labels} />
                      );
                    }
                    if (e.kind === "note") {
                      return (
                        <Text key={e.id} size="xs" ta="center" c="dimmed">
                          {e.text}
                        </Text>
                      );
                    }
                    return (
                      <div
                        key={e.id}
                        style={{ outline: shownTrace?.turn === e.turn ? "2px solid rgba(28,111,209,0.35)" : undefined, borderRadius: 8 }}
                      >
                        <BotMessage outputs={e.result.response.outputs} botName={props.botName} onAction={onAction} labels={labels} />
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          ml={44}
                          aria-pressed={shownTrace?.turn === e.turn}
                          aria-label={t("simulator.showTraceOf", { n: e.turn + 1 })}
                          onClick={() => setSelected(e.turn)}
                        >
                          {t("simulator.showTrace", { n: e.turn + 1 })}
                        </Button>
                      </div>
                    );
                  })}
                </div>
                <QuickReplies replies={lastReplies} onAction={onAction} disabled={send.isPending} labels={labels} />
                {waitingSince !== null ? (
                  <Text size="xs" c="dimmed" ta="center" role="status">
                    {t("simulator.waitingCallback")}
                  </Text>
                ) : null}
                <div ref={bottom} />
              </ChatRoom>
            </ScrollArea>
            <form onSubmit={submit}>
              <Group gap={4} p={6} wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t("simulator.input")}
                  placeholder={t("simulator.placeholder")}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  data-testid="simulator-input"
                />
                <Button type="submit" loading={send.isPending}>
                  {t("simulator.send")}
                </Button>
              </Group>
            </form>
          </Paper>
          <Paper withBorder p="sm">
            <ErrorAlert error={send.error ?? reset.error} />
            {shownTrace ? (
              <TracePanel trace={shownTrace.result.trace} at={shownTrace.at} />
            ) : (
              <Text size="sm" c="dimmed">
                {t("simulator.noTrace")}
              </Text>
            )}
          </Paper>
        </SimpleGrid>
      </Stack>
    </Drawer>
  );
}
