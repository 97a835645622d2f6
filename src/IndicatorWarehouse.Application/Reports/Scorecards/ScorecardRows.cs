namespace IndicatorWarehouse.Application.Reports.Scorecards;

// The scorecard's rows are read into settable properties, not constructors: SQLite reports no type for an expression
// column whose first value is NULL (or when there is no row at all), and Dapper's constructor matching needs one.

/// <summary>One row of <c>mart_indicator_value</c> as the scorecard reads it.</summary>
internal sealed record ValueRow
{
    public string indicator_code { get; init; } = "";
    public double? numerator { get; init; }
    public double? denominator { get; init; }
    public double? value { get; init; }
    public double? target_value { get; init; }
    public string? comparator { get; init; }
    public double? gap { get; init; }
    public string? status { get; init; }
    public string? target_source { get; init; }
    public string? conflict_note { get; init; }
    public string rule_version { get; init; } = "";
}

/// <summary>One month of one indicator's series.</summary>
internal sealed record SeriesPoint
{
    public string Indicator { get; init; } = "";
    public long Seq { get; init; }
    public double? Value { get; init; }

    /// <summary>Set when a predecessor's part was split by the lineage shares (PAKN): how it was.</summary>
    public string? EstimateNote { get; init; }
}

/// <summary>Dossiers processed in the month in one field, by outcome.</summary>
internal sealed record FieldRow
{
    public string? field_code { get; init; }
    public string? field_name { get; init; }
    public long early { get; init; }
    public long on_time { get; init; }
    public long late { get; init; }
    public long late_apology { get; init; }
}

/// <summary>A dossier processed late in the month.</summary>
internal sealed record LateRow
{
    public string dossier_code { get; init; } = "";
    public string? procedure_name { get; init; }
    public string? field_code { get; init; }
    public long? deadline_date_key { get; init; }
    public DateTime? finished_at { get; init; }
    public DateTime? returned_at { get; init; }
    public string? late_reason { get; init; }
    public long apology_issued { get; init; }
}

/// <summary>PAKN in scope of the month in one category.</summary>
internal sealed record PaknCategoryRow
{
    public string? category { get; init; }
    public long received { get; init; }
    public long handled { get; init; }
    public long handled_late { get; init; }
    public long pending { get; init; }
}

/// <summary>Numerators and denominators of one indicator added up over months.</summary>
internal sealed record SumRow
{
    public string indicator_code { get; init; } = "";
    public double? numerator { get; init; }
    public double? denominator { get; init; }
}

/// <summary>One unit of <c>mart_unit_ranking</c> among the peers of the scorecard's unit.</summary>
internal sealed record PeerRow
{
    public string agency_code { get; init; } = "";
    public string agency_name { get; init; } = "";
    public double? index766_total { get; init; }
    public double? on_time_rate { get; init; }
    public long rank_index766 { get; init; }
    public long rank_on_time { get; init; }
    public long peers { get; init; }
}
