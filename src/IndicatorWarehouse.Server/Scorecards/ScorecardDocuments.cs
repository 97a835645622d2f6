using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Templates.Scorecards;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Server.Scorecards;

/// <summary>The scorecard service of `iw serve`: HTML straight from the template, preview PDFs for reading, and PDFs
/// issued through <see cref="ScorecardIssuer"/> (archived with who issued them, revisions marked) into the configured
/// output folder by the scheduled job or an administrator; one warm Chromium for all.</summary>
public sealed class ScorecardDocuments(WarehouseDatabase database, ReferenceFiles reference, string outputFolder) : IScorecardDocuments, IAsyncDisposable
{
    private readonly ReportWriter _writer = new();

    public async Task<string> HtmlAsync(string agencyCode, string month, CancellationToken ct) =>
        await _writer.HtmlAsync<ScorecardReport>(
            await new ScorecardQuery(database, reference).LoadAsync(agencyCode, month, database.Clock.Today, ct));

    public Task<byte[]> PdfAsync(string agencyCode, string month, CancellationToken ct) =>
        new ScorecardIssuer(database, reference).PreviewAsync(_writer, agencyCode, month, ct);

    public async Task<byte[]> IssueAsync(string agencyCode, string month, string issuedBy, CancellationToken ct) =>
        (await new ScorecardIssuer(database, reference).IssueAsync(_writer, agencyCode, month, Path.Combine(outputFolder, "scorecards", month),
            ct: ct, issuedBy: issuedBy)).Content;

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
