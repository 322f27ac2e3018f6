import { WIZARD_STEPS, type WizardStep } from "@/lib/imports/wizard-labels";

// Where in the wizard this page is. Account holders have a first step (choosing the flow and
// source) that a source's docs link settles by itself.
export function WizardSteps({ current, withTarget }: { current: WizardStep; withTarget: boolean }) {
  const steps = WIZARD_STEPS.filter(([step]) => withTarget || step !== "target");
  const at = steps.findIndex(([step]) => step === current);
  return (
    <nav aria-label="Import steps" className="mb-6">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map(([step, label], index) => (
          <li
            key={step}
            aria-current={index === at ? "step" : undefined}
            className={`rounded-full border px-3 py-1 ${index === at ? "border-blue-700 bg-blue-700 font-medium text-white" : index < at ? "border-blue-200 bg-blue-50 text-blue-900" : "border-slate-300 bg-white text-slate-700"}`}
          >
            {index + 1}. {label}
            {index < at && <span className="sr-only"> (done)</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
