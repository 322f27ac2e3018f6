// The next quote, and the next line break (LF or CR), at or after a position in one chunk of text.
// Each is searched natively (indexOf) once per occurrence and remembered: the scanners that use it
// (long-rows.ts, fast-records.ts) only move forward, so a search never runs twice over the same text.
export function breakFinder(text: string): { quoteAt: (p: number) => number; breakAt: (p: number) => number } {
  let nextQuote = -2;
  let nextLf = -2;
  let nextCr = -2;
  return {
    quoteAt: (p) => (nextQuote === -1 || nextQuote >= p ? nextQuote : (nextQuote = text.indexOf('"', p))),
    breakAt: (p) => {
      if (nextLf !== -1 && nextLf < p) nextLf = text.indexOf("\n", p);
      if (nextCr !== -1 && nextCr < p) nextCr = text.indexOf("\r", p);
      return nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    },
  };
}
