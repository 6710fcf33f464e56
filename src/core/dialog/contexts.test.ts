import assert from "node:assert/strict";
import { test } from "node:test";
import { ageContexts, aliveContexts, applyContextUpdates } from "./contexts.js";

const t0 = new Date("2026-03-02T01:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

test("a context set with lifeSpan 2 survives the next two turns", () => {
  const set = new Set<string>();
  let ctx = applyContextUpdates([], [{ name: "a", lifeSpan: 2, ttl: 0 }], t0, set);
  ctx = ageContexts(ctx, set, t0); // end of the setting turn: not aged
  assert.equal(ctx[0]?.lifeSpan, 2);
  ctx = ageContexts(ctx, new Set(), at(1)); // end of turn +1
  assert.equal(ctx[0]?.lifeSpan, 1);
  assert.equal(aliveContexts(ctx, at(2)).length, 1, "still alive at the start of turn +2");
  ctx = ageContexts(ctx, new Set(), at(2)); // end of turn +2
  assert.deepEqual(ctx, []);
});

test("ttl counts from the moment the context is set; ttl 0 means no time limit", () => {
  const set = new Set<string>();
  const ctx = applyContextUpdates(
    [],
    [
      { name: "short", lifeSpan: 9, ttl: 30 },
      { name: "forever", lifeSpan: 9, ttl: 0 },
    ],
    t0,
    set,
  );
  assert.deepEqual(
    aliveContexts(ctx, at(29)).map((c) => c.name),
    ["short", "forever"],
  );
  assert.deepEqual(
    aliveContexts(ctx, at(30)).map((c) => c.name),
    ["forever"],
  );
  assert.equal(ctx[1]?.expiresAt, null);
});

test("lifeSpan 0 deletes; setting again replaces params and refreshes ttl", () => {
  const set = new Set<string>();
  let ctx = applyContextUpdates([], [{ name: "a", lifeSpan: 3, ttl: 60, params: { x: "1" } }], t0, set);
  ctx = applyContextUpdates(ctx, [{ name: "a", lifeSpan: 5, params: { y: "2" } }], at(50), set);
  assert.deepEqual(ctx[0]?.params, { y: "2" });
  assert.equal(ctx[0]?.ttl, 60, "an update without ttl keeps the previous ttl");
  assert.equal(ctx[0]?.expiresAt, at(110).toISOString());
  ctx = applyContextUpdates(ctx, [{ name: "a", lifeSpan: 0 }], at(51), set);
  assert.deepEqual(ctx, []);
  assert.equal(set.has("a"), false);
});
