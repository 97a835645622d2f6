using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Indicators;

namespace IndicatorWarehouse.Warehouse.Reference;

/// <summary>Writes reference data (calendar, periods, catalog, agencies, lineage) into the dimensions.
/// Every write is "update if present, insert if absent" in portable SQL, so `iw init` run twice leaves the
/// warehouse as it was.</summary>
public sealed class ReferenceDataWriter(DbConnection connection, DbTransaction transaction)
{
    public async Task WriteDatesAsync(IEnumerable<DateRow> days)
    {
        const string columns = "full_date, year, half, quarter, month, day_of_month, day_of_week, is_working_day, holiday_name, " +
            "report_year, report_half, report_quarter, report_month, month_seq, quarter_seq, half_seq, year_seq, " +
            "report_month_seq, report_quarter_seq, report_half_seq, report_year_seq";
        // Written out rather than derived from the column list, so that the T-SQL check reads the statement as sent.
        const string values = "@full_date, @year, @half, @quarter, @month, @day_of_month, @day_of_week, @is_working_day, @holiday_name, " +
            "@report_year, @report_half, @report_quarter, @report_month, @month_seq, @quarter_seq, @half_seq, @year_seq, " +
            "@report_month_seq, @report_quarter_seq, @report_half_seq, @report_year_seq";
        await UpsertAsync("dim_date", "date_key = @date_key",
            "is_working_day = @is_working_day, holiday_name = @holiday_name",
            "date_key, " + columns, "@date_key, " + values, days);
    }

    public Task WritePeriodsAsync(IEnumerable<PeriodRow> periods) =>
        UpsertAsync("dim_period", "period_code = @period_code", "label_vi = @label_vi, start_key = @start_key, end_key = @end_key",
            "period_code, grain, seq, start_key, end_key, label_vi", "@period_code, @grain, @seq, @start_key, @end_key, @label_vi", periods);

    public Task WriteIndicatorsAsync(IndicatorCatalog catalog) =>
        UpsertAsync("dim_indicator", "indicator_code = @Code",
            "name_vi = @NameVi, name_en = @NameEn, unit = @Unit, direction = @Direction, indicator_group = @Group, formula = @Formula, rule_version = @RuleVersion, sort_order = @SortOrder, lineage = @Lineage",
            "indicator_code, name_vi, name_en, unit, direction, indicator_group, formula, rule_version, sort_order, lineage",
            "@Code, @NameVi, @NameEn, @Unit, @Direction, @Group, @Formula, @RuleVersion, @SortOrder, @Lineage", catalog.All);

    /// <summary>Agency versions from the reference file; an inferred member of the same code and start is
    /// completed in place (Kimball: the late-arriving dimension row replaces the inferred one).</summary>
    public Task WriteAgenciesAsync(IEnumerable<Agency> agencies) =>
        UpsertAsync("dim_agency", "agency_code = @Code AND valid_from = @From",
            "agency_name = @Name, agency_level = @Level, province_code = @ProvinceCode, sector = @Sector, valid_to = @To, is_inferred = 0",
            "agency_code, agency_name, agency_level, province_code, sector, valid_from, valid_to, is_inferred",
            "@Code, @Name, @Level, @ProvinceCode, @Sector, @From, @To, 0",
            agencies.Select(a => new
            {
                a.Code, a.Name, a.Level, a.ProvinceCode, a.Sector,
                From = a.ValidFrom.ToString("yyyy-MM-dd"), To = a.ValidTo?.ToString("yyyy-MM-dd"),
            }));

    /// <summary>The lineage links, then the transfers of split units as the file has them now (replaced whole: a
    /// transfer removed from the file must stop re-attributing dossiers at the next build).</summary>
    public async Task WriteLineageAsync(AgencyLineage lineage)
    {
        await UpsertAsync("agency_lineage", "predecessor_code = @PredecessorCode AND successor_code = @SuccessorCode AND effective_date = @Effective",
            "share = @Share, note = @Note",
            "predecessor_code, successor_code, effective_date, share, note", "@PredecessorCode, @SuccessorCode, @Effective, @Share, @Note",
            lineage.Links.Select(l => new { l.PredecessorCode, l.SuccessorCode, Effective = l.EffectiveDate.ToString("yyyy-MM-dd"), l.Share, l.Note }));
        await connection.ExecuteAsync("DELETE FROM agency_lineage_transfer", transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO agency_lineage_transfer (predecessor_code, successor_code, field_code, procedure_code, note) " +
            "VALUES (@PredecessorCode, @SuccessorCode, @FieldCode, @ProcedureCode, @Note)", lineage.Transfers, transaction);
    }

    private async Task UpsertAsync<T>(string table, string match, string set, string columns, string values, IEnumerable<T> rows)
    {
        var update = $"UPDATE {table} SET {set} WHERE {match}";
        var insert = $"INSERT INTO {table} ({columns}) SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {match})";
        foreach (var row in rows)
        {
            if (await connection.ExecuteAsync(update, row, transaction) == 0)
                await connection.ExecuteAsync(insert, row, transaction);
        }
    }
}
