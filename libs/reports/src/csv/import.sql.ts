/**
 * Upsert of imported requests keyed on tracking_number. A line equal to the stored row writes nothing
 * (the WHERE of DO UPDATE), so a re-import is a no-op; RETURNING tells inserted (xmax = 0) from updated.
 * The applicant, creator and texts of an existing request are left alone.
 */
export const UPSERT_REQUESTS_SQL = `
  INSERT INTO requests (tracking_number, agency_id, applicant_id, created_by, subject, description, delivery_method,
                        channel, received_on, rule_set, status, due_on, outcome, decided_on, closed_on, applicant_type)
  SELECT x.tracking_number, x.agency_id, x.applicant_id, x.applicant_id, '导入的申请 ' || x.tracking_number,
         '从电子表格导入的历史申请', 'electronic', x.channel, x.received_on, x.rule_set, x.status, x.due_on,
         x.outcome, x.closed_on, x.closed_on, x.applicant_type
    FROM jsonb_to_recordset($1::jsonb) AS x(tracking_number text, agency_id uuid, applicant_id uuid,
         applicant_type text, channel text, received_on date, rule_set text, due_on date, outcome text,
         closed_on date, status text)
  ON CONFLICT (tracking_number) DO UPDATE
     SET agency_id = EXCLUDED.agency_id, applicant_type = EXCLUDED.applicant_type, channel = EXCLUDED.channel,
         received_on = EXCLUDED.received_on, rule_set = EXCLUDED.rule_set, due_on = EXCLUDED.due_on,
         outcome = EXCLUDED.outcome, decided_on = EXCLUDED.decided_on, closed_on = EXCLUDED.closed_on,
         status = EXCLUDED.status, updated_at = now()
   WHERE (requests.agency_id, requests.applicant_type, requests.channel, requests.received_on, requests.rule_set,
          requests.due_on, requests.outcome, requests.closed_on)
         IS DISTINCT FROM
         (EXCLUDED.agency_id, EXCLUDED.applicant_type, EXCLUDED.channel, EXCLUDED.received_on, EXCLUDED.rule_set,
          EXCLUDED.due_on, EXCLUDED.outcome, EXCLUDED.closed_on)
  RETURNING id, received_on::text AS on, (xmax = 0) AS inserted`;
