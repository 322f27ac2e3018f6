// Time zones an account may choose: the IANA names this runtime knows. Pure, so forms and the
// server check the same list.
let known: Set<string> | undefined;

function knownZones(): Set<string> {
  // supportedValuesOf leaves out aliases such as "UTC" on some runtimes; those are checked below.
  known ??= new Set(Intl.supportedValuesOf("timeZone"));
  return known;
}

export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  if (knownZones().has(value)) return true;
  try {
    // Accepts canonical spellings only: "america/chicago" resolves but is not what we store.
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone === value;
  } catch {
    return false;
  }
}

/** The zones to offer in a picker, with the account's own first if the runtime lists it differently. */
export function timeZoneOptions(current: string): string[] {
  const zones = [...knownZones()].sort();
  return zones.includes(current) ? zones : [current, ...zones];
}
