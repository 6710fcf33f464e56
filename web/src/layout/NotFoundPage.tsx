import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../lib/states.js";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("notFound.title")}>
      <Button component={Link} to="/bots" variant="light">
        {t("notFound.back")}
      </Button>
    </EmptyState>
  );
}
