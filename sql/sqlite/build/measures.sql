-- The measure build for one grain and a range of its periods, set-based: every dossier (and PAKN) is
-- joined to each period of the grain its life overlaps (received .. end, or .. the last period while
-- pending), so quarters and years are counted from the dossiers themselves, never by averaging months.
-- Parameters: @grain ('M','Q','H','Y','RM','RQ','RH','RY'), @from_seq, @to_seq, @build_id, @rule_version.
-- The counting rules live in Domain/Counting (DossierTimeline, PaknTimeline): this file only compares the
-- day keys they derived.

-- step: create_temp
CREATE TEMP TABLE IF NOT EXISTS tmp_dossier_counts (
    agency_code TEXT NOT NULL, period_code TEXT NOT NULL,
    received_in_p INTEGER, carried_over INTEGER, received_online INTEGER,
    processed_total INTEGER, processed_early INTEGER, processed_on_time INTEGER, processed_late INTEGER,
    pending_total INTEGER, pending_overdue INTEGER,
    fee_received INTEGER, fee_paid_online INTEGER, digitized INTEGER, reused INTEGER,
    result_required INTEGER, result_electronic INTEGER, disliked_or_late INTEGER, late_with_apology INTEGER,
    onestop_scope INTEGER, onestop_late INTEGER, personal_store INTEGER, population_db INTEGER,
    PRIMARY KEY (agency_code, period_code));
CREATE TEMP TABLE IF NOT EXISTS tmp_pakn_counts (
    agency_code TEXT NOT NULL, period_code TEXT NOT NULL,
    pakn_total INTEGER, pakn_handled INTEGER, pakn_on_time INTEGER, pakn_late INTEGER, pakn_disliked_or_late INTEGER,
    PRIMARY KEY (agency_code, period_code));
CREATE TEMP TABLE IF NOT EXISTS tmp_counts (
    agency_code TEXT NOT NULL, period_code TEXT NOT NULL,
    received_in_p INTEGER, carried_over INTEGER, received_online INTEGER,
    processed_total INTEGER, processed_early INTEGER, processed_on_time INTEGER, processed_late INTEGER,
    pending_total INTEGER, pending_overdue INTEGER,
    fee_received INTEGER, fee_paid_online INTEGER, digitized INTEGER, reused INTEGER,
    result_required INTEGER, result_electronic INTEGER, disliked_or_late INTEGER, late_with_apology INTEGER,
    onestop_scope INTEGER, onestop_late INTEGER, personal_store INTEGER, population_db INTEGER,
    pakn_total INTEGER, pakn_handled INTEGER, pakn_on_time INTEGER, pakn_late INTEGER, pakn_disliked_or_late INTEGER,
    PRIMARY KEY (agency_code, period_code));
DELETE FROM tmp_dossier_counts;
DELETE FROM tmp_pakn_counts;
DELETE FROM tmp_counts;

-- step: dossier_counts
INSERT INTO tmp_dossier_counts
SELECT agency_code, period_code,
    SUM(in_p), SUM(1 - in_p), SUM(in_p * online),
    SUM(processed), SUM(processed * early), SUM(processed * on_time), SUM(processed * late),
    SUM(1 - processed), SUM(overdue),
    SUM(in_p * has_fee), SUM(in_p * has_fee * paid_online),
    SUM(in_p * digitized), SUM(in_p * reused),
    SUM(processed * (1 - withdrawn) * result_required), SUM(processed * (1 - withdrawn) * result_required * result_electronic),
    SUM(CASE WHEN disliked = 1 OR processed * late = 1 OR overdue = 1 THEN 1 ELSE 0 END),
    SUM(processed * late * apology),
    SUM(1 - withdrawn),
    SUM(CASE WHEN withdrawn = 0 AND (processed * late = 1 OR overdue = 1) THEN 1 ELSE 0 END),
    SUM(in_p * personal_store), SUM(in_p * population_db)
FROM (
    SELECT a.agency_code, p.period_code,
        CASE WHEN d.received_date_key >= p.start_key THEN 1 ELSE 0 END AS in_p,
        CASE WHEN d.end_date_key <= p.end_key THEN 1 ELSE 0 END AS processed,
        CASE WHEN (d.end_date_key IS NULL OR d.end_date_key > p.end_key) AND d.overdue_from_key <= p.end_key THEN 1 ELSE 0 END AS overdue,
        CASE WHEN d.channel_key = 2 THEN 1 ELSE 0 END AS online,
        CASE WHEN d.outcome = 1 THEN 1 ELSE 0 END AS early,
        CASE WHEN d.outcome = 2 THEN 1 ELSE 0 END AS on_time,
        CASE WHEN d.outcome = 3 THEN 1 ELSE 0 END AS late,
        CASE WHEN d.fee_amount > 0 THEN 1 ELSE 0 END AS has_fee,
        CASE WHEN d.paid_online IN (1, 2) THEN 1 ELSE 0 END AS paid_online,
        CASE WHEN g.documents_digitized > 0 THEN 1 ELSE 0 END AS digitized,
        CASE WHEN g.documents_reused > 0 THEN 1 ELSE 0 END AS reused,
        CASE WHEN g.result_required = 1 THEN 1 ELSE 0 END AS result_required,
        CASE WHEN g.result_electronic = 1 THEN 1 ELSE 0 END AS result_electronic,
        CASE WHEN d.citizen_rating = 'dislike' THEN 1 ELSE 0 END AS disliked,
        CASE WHEN g.from_personal_store = 1 THEN 1 ELSE 0 END AS personal_store,
        CASE WHEN g.population_db_used = 1 THEN 1 ELSE 0 END AS population_db,
        d.apology_issued AS apology,
        d.is_withdrawn AS withdrawn
    FROM fact_dossier d
    JOIN dim_agency a ON a.agency_key = d.agency_key
    JOIN dim_date r ON r.date_key = d.received_date_key
    LEFT JOIN dim_date e ON e.date_key = d.end_date_key
    JOIN dim_period p ON p.grain = @grain
        AND p.seq >= CASE @grain WHEN 'M' THEN r.month_seq WHEN 'Q' THEN r.quarter_seq WHEN 'H' THEN r.half_seq
                       WHEN 'Y' THEN r.year_seq WHEN 'RM' THEN r.report_month_seq WHEN 'RQ' THEN r.report_quarter_seq
                       WHEN 'RH' THEN r.report_half_seq ELSE r.report_year_seq END
        AND p.seq <= COALESCE(CASE @grain WHEN 'M' THEN e.month_seq WHEN 'Q' THEN e.quarter_seq WHEN 'H' THEN e.half_seq
                       WHEN 'Y' THEN e.year_seq WHEN 'RM' THEN e.report_month_seq WHEN 'RQ' THEN e.report_quarter_seq
                       WHEN 'RH' THEN e.report_half_seq ELSE e.report_year_seq END, @to_seq)
        AND p.seq BETWEEN @from_seq AND @to_seq
    LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
    -- Status 3 (not accepted) leaves every measure; a dossier ending before it was received is bad data.
    WHERE (d.status IS NULL OR d.status <> 3)
      AND d.received_date_key <= @to_key AND (d.end_date_key IS NULL OR d.end_date_key >= @from_key)
) x
GROUP BY agency_code, period_code;

-- step: pakn_counts
INSERT INTO tmp_pakn_counts
SELECT agency_code, period_code, COUNT(*), SUM(handled), SUM(1 - late), SUM(late),
       SUM(CASE WHEN disliked = 1 OR late = 1 THEN 1 ELSE 0 END)
FROM (
    SELECT a.agency_code, p.period_code,
        CASE WHEN k.handled_date_key <= p.end_key THEN 1 ELSE 0 END AS handled,
        -- handled in P after the deadline, or still open at P's end past it
        CASE WHEN k.handled_date_key <= p.end_key THEN (CASE WHEN k.handled_date_key > k.deadline_date_key THEN 1 ELSE 0 END)
             ELSE (CASE WHEN p.end_key > k.deadline_date_key THEN 1 ELSE 0 END) END AS late,
        CASE WHEN k.reaction = 'dislike' THEN 1 ELSE 0 END AS disliked
    FROM fact_pakn k
    JOIN dim_agency a ON a.agency_key = k.agency_key
    JOIN dim_date r ON r.date_key = k.received_date_key
    LEFT JOIN dim_date e ON e.date_key = k.handled_date_key
    JOIN dim_period p ON p.grain = @grain
        AND p.seq >= CASE @grain WHEN 'M' THEN r.month_seq WHEN 'Q' THEN r.quarter_seq WHEN 'H' THEN r.half_seq
                       WHEN 'Y' THEN r.year_seq WHEN 'RM' THEN r.report_month_seq WHEN 'RQ' THEN r.report_quarter_seq
                       WHEN 'RH' THEN r.report_half_seq ELSE r.report_year_seq END
        AND p.seq <= COALESCE(CASE @grain WHEN 'M' THEN e.month_seq WHEN 'Q' THEN e.quarter_seq WHEN 'H' THEN e.half_seq
                       WHEN 'Y' THEN e.year_seq WHEN 'RM' THEN e.report_month_seq WHEN 'RQ' THEN e.report_quarter_seq
                       WHEN 'RH' THEN e.report_half_seq ELSE e.report_year_seq END, @to_seq)
        AND p.seq BETWEEN @from_seq AND @to_seq
    WHERE k.received_date_key <= @to_key AND (k.handled_date_key IS NULL OR k.handled_date_key >= @from_key)
) x
GROUP BY agency_code, period_code;

-- step: combine
-- PAKN counts are 0, not unknown, for a unit with dossiers but no PAKN once the PAKN source has been loaded.
INSERT INTO tmp_counts
SELECT k.agency_code, k.period_code,
    d.received_in_p, d.carried_over, d.received_online, d.processed_total, d.processed_early, d.processed_on_time,
    d.processed_late, d.pending_total, d.pending_overdue, d.fee_received, d.fee_paid_online, d.digitized, d.reused,
    d.result_required, d.result_electronic, d.disliked_or_late, d.late_with_apology, d.onestop_scope, d.onestop_late,
    d.personal_store, d.population_db,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_total WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_handled WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_on_time WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_late WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_disliked_or_late WHEN @has_pakn = 1 THEN 0 END
FROM (SELECT agency_code, period_code FROM tmp_dossier_counts UNION SELECT agency_code, period_code FROM tmp_pakn_counts) k
LEFT JOIN tmp_dossier_counts d ON d.agency_code = k.agency_code AND d.period_code = k.period_code
LEFT JOIN tmp_pakn_counts pk ON pk.agency_code = k.agency_code AND pk.period_code = k.period_code;

-- step: delete_values
DELETE FROM fact_indicator_value
WHERE period_code IN (SELECT period_code FROM dim_period WHERE grain = @grain AND seq BETWEEN @from_seq AND @to_seq)
  AND indicator_code IN (SELECT indicator_code FROM dim_indicator WHERE formula NOT LIKE 'manual figure%');

-- step: insert_values
-- One row per unit, period and indicator. Counts: numerator = the count. Rates: numerator and denominator,
-- value in percent, NULL when the denominator is 0 (no data is not 0 %).
INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, build_id)
SELECT agency_code, period_code, indicator_code, numerator, denominator,
       CASE WHEN denominator IS NULL THEN numerator WHEN denominator > 0 THEN 100.0 * numerator / denominator END,
       @rule_version, @build_id
FROM (
    SELECT agency_code, period_code, 'received_total' AS indicator_code, received_in_p + carried_over AS numerator, NULL AS denominator FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'received_online', received_online, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'received_offline', received_in_p - received_online, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'carried_over', carried_over, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'processed_total', processed_total, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'processed_early', processed_early, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'processed_on_time', processed_on_time, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'processed_late', processed_late, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pending_total', pending_total, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pending_within_due', pending_total - pending_overdue, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pending_overdue', pending_overdue, NULL FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'on_time_rate_766', processed_early + processed_on_time + pending_total - pending_overdue, received_in_p + carried_over FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'on_time_rate_onestop', onestop_scope - onestop_late, onestop_scope FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'online_rate', received_online, received_in_p FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'online_payment_rate', fee_paid_online, fee_received FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'dossier_satisfaction_rate', received_in_p + carried_over - disliked_or_late, received_in_p + carried_over FROM tmp_counts WHERE received_in_p IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'apology_rate', late_with_apology, processed_late FROM tmp_counts WHERE received_in_p IS NOT NULL
    -- Digitization rates only once the digitization source has been loaded: before that they are unknown.
    UNION ALL SELECT agency_code, period_code, 'digitized_dossier_rate', digitized, received_in_p FROM tmp_counts WHERE received_in_p IS NOT NULL AND @has_digitization = 1
    UNION ALL SELECT agency_code, period_code, 'reuse_rate', reused, received_in_p FROM tmp_counts WHERE received_in_p IS NOT NULL AND @has_digitization = 1
    UNION ALL SELECT agency_code, period_code, 'digitized_result_rate', result_electronic, result_required FROM tmp_counts WHERE received_in_p IS NOT NULL AND @has_digitization = 1
    UNION ALL SELECT agency_code, period_code, 'personal_store_rate', personal_store, received_in_p FROM tmp_counts WHERE received_in_p IS NOT NULL AND @has_digitization = 1
    UNION ALL SELECT agency_code, period_code, 'population_db_rate', population_db, received_in_p FROM tmp_counts WHERE received_in_p IS NOT NULL AND @has_digitization = 1
    UNION ALL SELECT agency_code, period_code, 'pakn_total', pakn_total, NULL FROM tmp_counts WHERE pakn_total IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pakn_handled', pakn_handled, NULL FROM tmp_counts WHERE pakn_total IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pakn_late', pakn_late, NULL FROM tmp_counts WHERE pakn_total IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pakn_on_time_rate', pakn_on_time, pakn_total FROM tmp_counts WHERE pakn_total IS NOT NULL
    UNION ALL SELECT agency_code, period_code, 'pakn_satisfaction_rate', pakn_total - pakn_disliked_or_late, pakn_total FROM tmp_counts WHERE pakn_total IS NOT NULL
) v;

-- step: drop_temp
DROP TABLE IF EXISTS temp.tmp_dossier_counts;
DROP TABLE IF EXISTS temp.tmp_pakn_counts;
DROP TABLE IF EXISTS temp.tmp_counts;
