using System.Globalization;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Html.Components;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Reporting.Pdf;

/// <summary>
/// Charts as they reach the reader: drawn by ScottPlot, put in a page, printed by the real Chromium, and read back with
/// poppler — the words with pdftotext, the drawing as pixels with pdftoppm.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class ChartPdfTests(ChromiumFixture fixture)
{
    private static readonly DateOnly[] SixMonths = Enumerable.Range(0, 6).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToArray();

    /// <summary>pdftoppm resolution: two pixels per PDF point.</summary>
    private const int Dpi = 144;

    private async Task<string> PrintAsync(params ISvgChart[] charts)
    {
        var figures = new List<string>();
        foreach (var chart in charts)
            figures.Add(await fixture.Html.RenderAsync<ChartView>(new Dictionary<string, object?> { ["Chart"] = chart }));
        var page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head>" +
                   $"<body style=\"font-family:'DejaVu Sans';margin:0\">{string.Concat(figures)}</body></html>";
        var path = Path.Combine(fixture.Directory, $"charts-{Guid.NewGuid():N}.pdf");
        await fixture.Pdf.RenderPdfToFileAsync(page, path);
        return path;
    }

    [Fact]
    public async Task TrendChart_Printed_HasVietnameseAxisAndLegendTextsAndTheTargetValue()
    {
        var pdf = await PrintAsync(new LineChart
        {
            Title = "Tỷ lệ hồ sơ giải quyết đúng hạn",
            Dates = SixMonths,
            Series = [new ChartSeries("Sở Y tế Tây Ninh", [96.5, 97.2, null, 98.1, 97.4, 98.6]), new ChartSeries("Bình quân các sở", [95.8, 96.1, 96.4, 96.2, 96.9, 97.0])],
            Target = new ChartTarget(97.5),
            TargetBand = new ChartBand(97, 99),
            Marker = new ChartMarker(new DateOnly(2025, 4, 1), "KH 2026–2030"),
        });

        var text = await ExternalTool.OutputOfAsync("pdftotext", "-layout", pdf, "-");

        Assert.Contains("Tỷ lệ hồ sơ giải quyết đúng hạn", text);
        foreach (var month in SixMonths) Assert.Contains(ViFormat.Month(month), text);
        Assert.Contains("Sở Y tế Tây Ninh", text);
        Assert.Contains("Bình quân các sở", text);
        Assert.Contains("Đoạn trống: không có dữ liệu", text);
        Assert.Contains("Vùng mục tiêu 97–99 %", text);
        Assert.Contains("Mục tiêu 97,5 %", text);
        Assert.Contains("KH 2026–2030", text);
        Assert.Matches(@"\b9\d,\d %", text);
        Assert.DoesNotMatch(@"\b9\d\.\d", text);
    }

    [Fact]
    public async Task TrendChart_Printed_NullMonthIsAGapInTheLineNotADropToZero()
    {
        var blue = ReportPalette.SeriesColor(0);
        var pdf = await PrintAsync(new LineChart
        {
            Title = "Tỷ lệ hồ sơ giải quyết đúng hạn", Dates = SixMonths, Series = [new ChartSeries("Sở Y tế Tây Ninh", [96, 97, null, 98, 97, 96])],
        });
        var words = await WordsAsync(pdf);
        var image = await PageImageAsync(pdf);
        double X(string month) => words.Single(w => w.Text == month).MidX;
        // Between the legend (above the plot) and the month labels (under it): the plot, including where 0 would be.
        var top = Pixels(words.Where(w => w.Text == "Ninh").Max(w => w.YMax)) + 4;
        var bottom = Pixels(words.Single(w => w.Text == "03/2025").YMin) - 2;
        int Blue(double x) => image.CountInColumn(Pixels(x), top, bottom, blue);

        Assert.True(Blue(X("02/2025")) > 0, "February's point is drawn");
        Assert.True(Blue(X("04/2025")) > 0, "April's point is drawn");
        Assert.True(Blue((X("01/2025") + X("02/2025")) / 2) > 0, "January and February are joined by the line");
        Assert.Equal(0, Blue(X("03/2025")));
        Assert.Equal(0, Blue((X("02/2025") + X("03/2025")) / 2));
        Assert.Equal(0, Blue((X("03/2025") + X("04/2025")) / 2));
    }

    [Fact]
    public async Task BarAndHeatCharts_Printed_HaveVietnameseLabelsLegendsAndTargetValue()
    {
        var pdf = await PrintAsync(
            new RankedBarChart
            {
                Title = "Tỷ lệ hồ sơ trực tuyến theo sở",
                Items = [new("Sở Nội vụ", 91.4), new("Sở Y tế Tây Ninh", 78.25, Highlight: true), new("Sở Tư pháp", null)],
                Target = new ChartTarget(80),
            },
            new StackedBarChart
            {
                Title = "Kết quả giải quyết hồ sơ theo lĩnh vực",
                Rows = [new("Khám bệnh, chữa bệnh", [412, 1280, 37]), new("Trang thiết bị y tế", [null, 44, 3])],
            },
            new HeatMapChart
            {
                Title = "Tỷ lệ đúng hạn theo tháng",
                RowLabels = ["Sở Nội vụ", "Sở Tư pháp"],
                ColumnLabels = SixMonths.Select(ViFormat.Month).ToList(),
                Values = [[97.5, 98.1, 96.4, 99.0, 95.2, 97.7], [96.0, null, 97.3, 98.8, 99.4, 96.6]],
            });

        var text = Regex.Replace(await ExternalTool.OutputOfAsync("pdftotext", pdf, "-"), @"\s+", " ");

        Assert.Contains("1. Sở Nội vụ", text);
        Assert.Contains("2. Sở Y tế Tây Ninh", text);
        Assert.Contains("78,3 %", text);
        Assert.Contains("Mục tiêu 80,0 %", text);
        Assert.Contains("Trước hạn", text);
        Assert.Contains("Đúng hạn", text);
        Assert.Contains("Trễ hạn", text);
        Assert.Contains("74,0 %", text);
        Assert.Contains("1.729 hồ sơ", text);
        Assert.Contains("Trang thiết bị y tế", text);
        Assert.Contains("06/2025", text);
        Assert.Contains("97,5", text);
        Assert.True(Regex.Matches(text, "không có dữ liệu").Count >= 4, "no data is named on the ranking, the bar, and the legends");
    }

    private sealed record Word(string Text, double XMin, double YMin, double XMax, double YMax)
    {
        public double MidX => (XMin + XMax) / 2;
    }

    private static async Task<List<Word>> WordsAsync(string pdf)
    {
        var html = await ExternalTool.OutputOfAsync("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-");
        double N(Match m, string name) => double.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        return BoxedWord().Matches(html).Select(m => new Word(System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
            N(m, "x0"), N(m, "y0"), N(m, "x1"), N(m, "y1"))).ToList();
    }

    private async Task<ColorImage> PageImageAsync(string pdf)
    {
        var root = Path.ChangeExtension(pdf, null);
        await ExternalTool.OutputOfAsync("pdftoppm", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", pdf, root);
        return ColorImage.Load(root + ".ppm");
    }

    private static int Pixels(double points) => (int)Math.Round(points * Dpi / 72);

    [GeneratedRegex("""<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex BoxedWord();
}
