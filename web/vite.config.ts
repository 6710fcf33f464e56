// Builds the admin center into web/dist; the botcenter server serves it at / (same port as the API).
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on PORT (default 3000).
    proxy: { "/api": process.env.BOTCENTER_API ?? "http://127.0.0.1:3000" },
  },
});
