-- Digitization records their dossiers do not confirm (issue 17, point 9); the same view as sql/sqlite/016: one whose
-- dossier is not (yet) in the warehouse ('chua_co_ho_so') counts nowhere until the dossier is loaded; one filed under
-- a unit that is neither the dossier's nor a successor of it ('khac_don_vi') counts for the dossier's unit, which the
-- measures credit, but the two sources disagree. A view, so the answer holds whichever source arrived first.
CREATE VIEW dbo.mart_digitization_check AS
SELECT g.dossier_code, ga.agency_code, da.agency_code AS dossier_agency_code,
       CASE WHEN d.dossier_code IS NULL THEN 'chua_co_ho_so' ELSE 'khac_don_vi' END AS problem,
       g.source_as_of, g.last_snapshot_id
FROM fact_digitization g
JOIN dim_agency ga ON ga.agency_key = g.agency_key
LEFT JOIN fact_dossier d ON d.dossier_code = g.dossier_code
LEFT JOIN dim_agency da ON da.agency_key = d.agency_key
WHERE d.dossier_code IS NULL
   OR (da.agency_code <> ga.agency_code
       AND NOT EXISTS (SELECT 1 FROM dbo.mart_agency_lineage l WHERE l.agency_code = ga.agency_code AND l.ancestor_code = da.agency_code));
GO
