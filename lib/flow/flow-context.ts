// The flow a lead runs through and the lead as a caller hands it in: the types that processLeads,
// the lead record and the steps all read, kept apart so none of them imports another for its types.
import type { FlowConfig, NormalizedLead, SourceConfig } from "./model";
import type { LeadData } from "./normalize";

export type FlowContext = {
  accountId: string;
  timeZone: string;
  flow: { id: string; enabled: boolean; config: FlowConfig };
  source: { id: string; config: SourceConfig };
};

export type LeadInput = {
  data: LeadData;
  /**
   * `data` already normalized with this flow's field types (normalizeLead), when the caller did it
   * ahead of time: the batch import normalizes the next batch while the current one is being saved.
   */
  normalized?: NormalizedLead;
  importId?: string | null;
  importLine?: number | null;
  isBatchLead?: boolean;
  submittedAt?: Date;
  /** The lead's id, when the caller chose it: a real-time lead keeps its id (and so its deliveries' keys) when its transaction is run again (deliveries.ts). */
  id?: string;
  /**
   * An import row corrected before it was imported (issue #16): `data` holds the corrected values
   * the flow reads; the lead keeps `fileData`, what the file said, as its raw data, and its timeline
   * starts with `note` (who corrected which columns).
   */
  correction?: { fileData: LeadData; note: string };
};
