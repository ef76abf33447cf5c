/** Recognises the health report terminus sends as a 503 body. */
export interface HealthReport {
  status: string;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

/** Terminus answers 503 with its report as the exception body; keep it, it says what is down. */
export function healthReport(body: unknown): HealthReport | undefined {
  const candidate = body as Partial<HealthReport> | null;
  return candidate &&
    typeof candidate === 'object' &&
    typeof candidate.details === 'object' &&
    'status' in candidate
    ? (candidate as HealthReport)
    : undefined;
}
