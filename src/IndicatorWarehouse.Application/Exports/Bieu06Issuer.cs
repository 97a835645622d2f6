using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Issues Biểu 06 through <see cref="ReportIssuer"/>: the figures judged are every count cell of the form,
/// by row (level, unit, unit and field, total) and column. The workbook is the issue archived when it is written.</summary>
public sealed class Bieu06Issuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "bieu06";

    public async Task<IssuedReport> IssueAsync(string period, string? agencyCode, string? provinceCode, string directory, ExportFormat format,
        CancellationToken ct = default)
    {
        var report = await new Bieu06Service(database).BuildAsync(period, agencyCode, provinceCode, ct);
        var figures = new IssuedFigures();
        foreach (var (key, value, label) in report.Cells()) figures.Add(key, value, label, NumberStyle.Count);
        return await new ReportIssuer(database, reference).IssueAsync(Kind, report.ScopeCode, report.Period.Code, report, figures,
            (r, note) => r with { Revision = note }, r => Task.FromResult(Bieu06Files.Write(r, directory, format)), ct);
    }
}
