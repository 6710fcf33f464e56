import { createBrowserRouter, Navigate } from "react-router";
import { InvitePage } from "./auth/InvitePage.js";
import { LoginPage } from "./auth/LoginPage.js";
import { PasswordPage } from "./auth/PasswordPage.js";
import { SetupPage } from "./auth/SetupPage.js";
import { BotListPage } from "./features/bots/BotListPage.js";
import { AppLayout } from "./layout/AppLayout.js";
import { NotFoundPage } from "./layout/NotFoundPage.js";

// The big screens load on first visit, so the login page and the bot list come up fast.
export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/setup", element: <SetupPage /> },
  { path: "/invite", element: <InvitePage /> },
  {
    path: "/",
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/bots" replace /> },
      { path: "bots", element: <BotListPage /> },
      // One route for every tab, so switching tabs keeps the editor (and its unsaved draft) mounted.
      {
        path: "bots/:botId/:tab?",
        lazy: async () => ({ Component: (await import("./features/editor/BotEditorPage.js")).BotEditorPage }),
      },
      { path: "members", lazy: async () => ({ Component: (await import("./features/workspace/MembersPage.js")).MembersPage }) },
      { path: "tokens", lazy: async () => ({ Component: (await import("./features/workspace/TokensPage.js")).TokensPage }) },
      { path: "password", element: <PasswordPage /> },
      { path: "channels", lazy: async () => ({ Component: (await import("./features/channels/ChannelsPage.js")).ChannelsPage }) },
      { path: "help-admin", lazy: async () => ({ Component: (await import("./features/help-admin/HelpAdminPage.js")).HelpAdminPage }) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
