/** Placeholder until the channel API lands: where a channel's own profile and channel home are edited. */
import { Alert, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function ChannelsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={2}>{t("channels.title")}</Title>
      <Alert color="blue" id="profile">
        <Text size="sm">{t("channels.comingSoon")}</Text>
      </Alert>
      <Text size="sm" c="dimmed" id="home">
        {t("channels.profileHelp")}
      </Text>
    </Stack>
  );
}
