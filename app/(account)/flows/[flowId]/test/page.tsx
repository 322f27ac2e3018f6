import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/app/_components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getTestFlowForm } from "@/lib/flows/test-flow";
import { isId } from "@/lib/ids";
import { TestFlowForm } from "./test-form";

export const metadata: Metadata = { title: "Test this flow" };

export default async function TestFlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  // A test stores a test lead (see ./actions.ts): flows:write, so a viewer gets the not-found page.
  const holder = await requirePermission("flows:write");
  const form = isId(flowId) ? await getTestFlowForm(holder.accountId, flowId) : null;
  if (!form) notFound();
  return (
    <Card id="test" title="Test this flow">
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Sends a test lead (<code>is_test=true</code>) through every step, dedupe and deliveries included, and shows what each step did. To skip a step for test
        leads, give it the step criterion “Is Test is not equal to true”.
      </p>
      {form.sources.length === 0 ? (
        <p className="text-sm">
          A test lead is sent as one of the flow&apos;s sources.{" "}
          <Link href={`/flows/${flowId}/sources`} className="font-medium text-blue-800 underline">
            Add a source
          </Link>{" "}
          first.
        </p>
      ) : (
        <TestFlowForm flowId={flowId} sources={form.sources} fields={form.fields} />
      )}
    </Card>
  );
}
