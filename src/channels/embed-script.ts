/**
 * `/chat/embed.js`: one script tag puts a floating chat button on any site; the button opens the
 * channel's web chat in an iframe (full screen on narrow phones). Attributes of the tag:
 *   data-channel (required), data-user-id + data-signature (a site's signed user id, optional),
 *   data-label (button text), data-open="true" (start opened).
 * Plain ES5-style JavaScript so it runs on old pages without a build step.
 */
export const EMBED_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script) return;
  var channel = script.getAttribute("data-channel");
  if (!channel) { console.error("botcenter chat: data-channel is missing on the script tag"); return; }
  var origin = new URL(script.src, location.href).origin;
  var query = new URLSearchParams({ embed: "1" });
  var userId = script.getAttribute("data-user-id");
  var signature = script.getAttribute("data-signature");
  if (userId && signature) { query.set("userId", userId); query.set("signature", signature); }
  var src = origin + "/chat/" + encodeURIComponent(channel) + "?" + query.toString();
  var label = script.getAttribute("data-label") || "채팅 상담";

  var style = document.createElement("style");
  style.textContent =
    ".bc-chat-button{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;" +
    "padding:14px 20px;background:#fee500;color:#191919;font:600 15px/1 system-ui,sans-serif;" +
    "box-shadow:0 4px 14px rgba(0,0,0,.2);cursor:pointer}" +
    ".bc-chat-frame{position:fixed;right:20px;bottom:84px;z-index:2147483000;width:380px;height:620px;" +
    "max-height:calc(100vh - 104px);border:0;border-radius:16px;box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff}" +
    "@media (max-width:480px){.bc-chat-frame{right:0;bottom:0;width:100vw;height:100%;max-height:none;border-radius:0}}";
  document.head.appendChild(style);

  var frame = null;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "bc-chat-button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("data-botcenter-chat", channel);
  button.textContent = label;
  function toggle() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.className = "bc-chat-frame";
      frame.title = label;
      frame.src = src;
      frame.allow = "clipboard-write";
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    var open = !frame.hidden;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? "닫기" : label;
  }
  button.addEventListener("click", toggle);
  window.addEventListener("message", function (e) {
    if (e.origin === origin && e.data && e.data.type === "botcenter-chat-close" && frame && !frame.hidden) toggle();
  });
  function mount() {
    document.body.appendChild(button);
    if (script.getAttribute("data-open") === "true") toggle();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
`;
