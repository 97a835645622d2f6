using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Which catalog indicators the reports show, and their labels as the catalog names them.</summary>
public sealed class ReportIndicators(IndicatorCatalog catalog)
{
    /// <summary>The main rates: a tile and a trend on the scorecard, a section of the review.</summary>
    public static readonly string[] MainRates =
    [
        "on_time_rate_766", "online_rate", "online_payment_rate", "digitized_dossier_rate",
        "digitized_result_rate", "dossier_satisfaction_rate", "pakn_on_time_rate", "pakn_satisfaction_rate",
    ];

    public static readonly string[] Pakn = ["pakn_total", "pakn_handled", "pakn_late", "pakn_on_time_rate", "pakn_satisfaction_rate"];

    public static readonly string[] Digitization =
        ["digitized_dossier_rate", "digitized_result_rate", "reuse_rate", "personal_store_rate", "population_db_rate"];

    public const string Index766Total = Domain.Index766.Index766Rules.TotalIndicator;
    public const string Index766Prefix = Domain.Index766.Index766Rules.IndicatorPrefix;

    public IndicatorLabel Label(string code)
    {
        var indicator = catalog[code];
        return new IndicatorLabel(code, indicator.NameVi, NumberStyle.ForUnit(indicator.Unit), indicator.Direction switch
        {
            "higher_is_better" => true,
            "lower_is_better" => false,
            _ => null,
        });
    }

    public Indicator this[string code] => catalog[code];
}
