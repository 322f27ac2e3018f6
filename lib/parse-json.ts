// JSON.parse for text a form sent: undefined instead of an exception, since bad input is expected.
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
