import { createBrowserRouter, Navigate } from "react-router";
import { InvitePage } from "./auth/InvitePage.js";
import { LoginPage } from "./auth/LoginPage.js";
import { PasswordPage } from "./auth/PasswordPage.js";
import { SetupPage } from "./auth/SetupPage.js";
import { BotListPage } from "./features/bots/BotListPage.js";
import { ChannelsPage } from "./features/channels/ChannelsPage.js";
import { BotEditorPage } from "./features/editor/BotEditorPage.js";
import { HelpAdminPage } from "./features/help-admin/HelpAdminPage.js";
import { MembersPage } from "./features/workspace/MembersPage.js";
import { TokensPage } from "./features/workspace/TokensPage.js";
import { AppLayout } from "./layout/AppLayout.js";
import { NotFoundPage } from "./layout/NotFoundPage.js";

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
      { path: "bots/:botId/:tab?", element: <BotEditorPage /> },
      { path: "members", element: <MembersPage /> },
      { path: "tokens", element: <TokensPage /> },
      { path: "password", element: <PasswordPage /> },
      { path: "channels", element: <ChannelsPage /> },
      { path: "help-admin", element: <HelpAdminPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
