import "server-only";
import { getDb } from "@/db";
import { checkReadiness } from "./readiness";

export const getReadiness = () => checkReadiness(getDb());
