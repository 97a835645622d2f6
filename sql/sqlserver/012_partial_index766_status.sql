-- A 766 group or total scored on less than its full maximum is 'chua_du_du_lieu' (see sql/sqlite/011_partial_index766_status.sql).
ALTER TABLE fact.indicator_status DROP CONSTRAINT ck_fact_indicator_status_status;
ALTER TABLE fact.indicator_status ADD CONSTRAINT ck_fact_indicator_status_status
    CHECK (status IN ('dat', 'chua_dat', 'nguy_co', 'khong_co_du_lieu', 'chua_du_du_lieu'));
