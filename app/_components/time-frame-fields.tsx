// The time frame inputs of a GET filter form: a named range, or custom dates when "Custom dates" is chosen.
import { RANGE_LABELS, RANGES, type TimeFrame } from "@/lib/leads/time-range";

export const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const labelClass = "block text-sm font-medium text-slate-700";

export function TimeFrameFields({ frame, idPrefix = "tf" }: { frame: TimeFrame; idPrefix?: string }) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-range`} className={labelClass}>
          Time frame
        </label>
        <select id={`${idPrefix}-range`} name="range" defaultValue={frame.range} className={fieldClass}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-from`} className={labelClass}>
          From <span className="font-normal text-slate-600">(custom)</span>
        </label>
        <input id={`${idPrefix}-from`} type="date" name="from" defaultValue={frame.from} className={fieldClass} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`} className={labelClass}>
          To <span className="font-normal text-slate-600">(custom)</span>
        </label>
        <input id={`${idPrefix}-to`} type="date" name="to" defaultValue={frame.to} className={fieldClass} />
      </div>
    </>
  );
}
