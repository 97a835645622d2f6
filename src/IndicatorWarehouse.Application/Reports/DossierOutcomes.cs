namespace IndicatorWarehouse.Application.Reports;

/// <summary>The outcome labels <c>mart_dossier.outcome_vi</c> gives a processed dossier (sql/*/005_marts.sql).</summary>
public static class DossierOutcomes
{
    public const string Early = "Trước hạn";
    public const string OnTime = "Đúng hạn";
    public const string Late = "Quá hạn";
}
