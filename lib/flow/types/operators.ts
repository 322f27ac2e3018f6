import { BASE_OPERATORS, ORDERING_OPERATORS, PATTERN_OPERATORS, type Operator } from "../model";

// Operator sets shared by the field types; each type composes the ones its values support.
export { BASE_OPERATORS, ORDERING_OPERATORS, PATTERN_OPERATORS } from "../model";

export const TEXT_OPERATORS: readonly Operator[] = [...BASE_OPERATORS, ...PATTERN_OPERATORS];
export const ORDERED_OPERATORS: readonly Operator[] = [...BASE_OPERATORS, ...ORDERING_OPERATORS];
