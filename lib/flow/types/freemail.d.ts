// @activeprospect/freemail ships no types. Each function takes an address or a bare domain and
// compares its registrable domain case-sensitively, so callers pass it lowercased.
declare module "@activeprospect/freemail" {
  export function isFree(emailOrDomain: string): boolean;
  export function isDisposable(emailOrDomain: string): boolean;
  export function handleFreemailValidation(emailOrDomain: string): { isFree: boolean; isDisposable: boolean };
}
