// GET /reports/export: the report table (counts per group and a total) as CSV.
import { exportReportCsv } from "@/lib/reports/export";
import { csvDownload } from "../../csv-download";

export const GET = csvDownload("report", exportReportCsv);
