// GET /leads/export: the Leads view's filtered list as a streamed CSV download.
import { exportLeadsCsv } from "@/lib/leads/export";
import { csvDownload } from "../../csv-download";

export const GET = csvDownload("leads", exportLeadsCsv);
