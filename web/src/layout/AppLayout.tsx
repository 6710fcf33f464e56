/** The admin center frame: header (workspace, language, account) and the navigation. */
import { AppShell, Badge, Burger, Group, Menu, NavLink, Select, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { useSession } from "../auth/session.js";
import { canManageHelp } from "../features/help-admin/access.js";
import { can } from "../lib/permissions.js";
import { LoadingState } from "../lib/states.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

export function AppLayout() {
  const { t } = useTranslation();
  const { session, loading, workspace, role, selectWorkspace, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return <LoadingState />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const nav = [
    { to: "/bots", label: t("nav.bots") },
    { to: "/members", label: t("nav.members") },
    ...(can(role, "token:manage") ? [{ to: "/tokens", label: t("nav.tokens") }] : []),
    { to: "/channels", label: t("nav.channels") },
    ...(session && canManageHelp(session.workspaces) ? [{ to: "/help-admin", label: t("nav.helpAdmin") }] : []),
  ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: "md", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t("layout.toggleNav")} />
            <Text fw={800} component={Link} to="/bots" c="dark">
              botcenter
            </Text>
            {session.workspaces.length > 1 ? (
              <Select
                size="xs"
                aria-label={t("layout.workspace")}
                value={workspace?.id ?? null}
                data={session.workspaces.map((w) => ({ value: w.id, label: w.name }))}
                onChange={(id) => id && selectWorkspace(id)}
                allowDeselect={false}
              />
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="sm">
                {workspace?.name}
              </Text>
            )}
            {role ? (
              <Badge variant="light" data-testid="role-badge">
                {t(`roles.${role}`)}
              </Badge>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t("layout.account")}>
                  <Text size="sm">{session.user.name}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.user.email}</Menu.Label>
                <Menu.Item component={Link} to="/password">
                  {t("nav.password")}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={async () => {
                    await signOut();
                    navigate("/login");
                  }}
                >
                  {t("auth.logout")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("layout.navigation")}>
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
