import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui";
import { requirePermission } from "@/lib/auth/session";
import { FLOW_STARTERS } from "@/lib/flows/save-flow";
import { NewFlowForm } from "./new-flow-form";

export const metadata: Metadata = { title: "New flow" };

export default async function NewFlowPage() {
  await requirePermission("flows:write");
  return (
    <>
      <PageHeader title="New flow" description="Name it, pick a start, then add fields, criteria and steps in the editor." />
      <Card className="max-w-xl">
        <NewFlowForm starters={FLOW_STARTERS} />
      </Card>
    </>
  );
}
