// Example requests for the Submission Docs: the same lead as a form POST, JSON, XML or GET, and the
// curl command for each. Pure, so the interactive example builds the command in the browser as the
// values are typed and the server sends exactly those values.

export const EXAMPLE_METHODS = {
  form: "Form POST (recommended)",
  json: "JSON POST",
  xml: "XML POST",
  get: "GET",
} as const;
export type ExampleMethod = keyof typeof EXAMPLE_METHODS;
export const exampleMethods = Object.keys(EXAMPLE_METHODS) as ExampleMethod[];

export type ExampleRequest = { method: "GET" | "POST"; url: string; headers: Array<[string, string]>; body: string | null };

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

// Blank values are left out, as a source sending only what it has would.
function present(data: Record<string, string>): Array<[string, string]> {
  return Object.entries(data).filter(([, value]) => value.trim() !== "");
}

export function exampleRequest(options: { submitUrl: string; method: ExampleMethod; data: Record<string, string> }): ExampleRequest {
  const entries = present(options.data);
  const accept: [string, string] = ["Accept", options.method === "xml" ? "application/xml" : "application/json"];
  const form = new URLSearchParams(entries).toString();
  switch (options.method) {
    case "get":
      return { method: "GET", url: form === "" ? options.submitUrl : `${options.submitUrl}?${form}`, headers: [accept], body: null };
    case "form":
      return { method: "POST", url: options.submitUrl, headers: [accept, ["Content-Type", "application/x-www-form-urlencoded"]], body: form };
    case "json":
      return { method: "POST", url: options.submitUrl, headers: [accept, ["Content-Type", "application/json"]], body: JSON.stringify(Object.fromEntries(entries)) };
    case "xml": {
      const xml = `<lead>${entries.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join("")}</lead>`;
      return { method: "POST", url: options.submitUrl, headers: [accept, ["Content-Type", "application/xml"]], body: xml };
    }
  }
}

// POSIX shell single quotes: nothing inside is special except the quote itself.
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

// With `apiKey`, the request authenticates as the API expects: HTTP Basic, user "API", the key as password.
export function curlCommand(request: ExampleRequest, options: { apiKey?: string } = {}): string {
  const lines = [`curl${request.method === "GET" ? "" : " -X POST"} ${shellQuote(request.url)}`];
  if (options.apiKey !== undefined) lines.push(`-u ${shellQuote(`API:${options.apiKey}`)}`);
  for (const [name, value] of request.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== null) lines.push(`--data ${shellQuote(request.body)}`);
  return lines.join(" \\\n  ");
}

// A value for each field from its type's examples; examples in parentheses describe rather than show.
export function sampleValues(fields: ReadonlyArray<{ id: string; examples: readonly string[] }>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.id, f.examples.find((e) => !e.startsWith("(")) ?? ""]));
}

// The interactive example sends test leads: reports leave them out and step criteria can skip buyers.
export const asTestLead = (values: Record<string, string>): Record<string, string> => ({ ...values, is_test: "true" });
