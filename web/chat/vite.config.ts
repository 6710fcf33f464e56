// Builds the web chat (served at /chat/:channelId) and the operator console (/chat/operator/:channelId)
// into web/dist/chat with assets under /chat/assets/. Run after the admin center's build, which
// empties web/dist:  npx vite build --config web/chat/vite.config.ts
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/chat/",
  plugins: [react()],
  build: {
    outDir: process.env.BOTCENTER_CHAT_OUT_DIR ?? fileURLToPath(new URL("../dist/chat", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      input: {
        chat: fileURLToPath(new URL("./index.html", import.meta.url)),
        operator: fileURLToPath(new URL("./operator/index.html", import.meta.url)),
      },
    },
  },
  server: {
    proxy: { "/api": process.env.BOTCENTER_API ?? "http://127.0.0.1:3000" },
  },
});
