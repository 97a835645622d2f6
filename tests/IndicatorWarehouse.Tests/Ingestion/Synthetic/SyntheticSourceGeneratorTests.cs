using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Tests.Ingestion.Synthetic;

public sealed class SyntheticSourceGeneratorTests(GeneratedSources sources) : IClassFixture<GeneratedSources>
{
    private static readonly IReadOnlyList<Agency> Agencies = ReferenceFiles.Default().Agencies();

    [Fact]
    public void Generate_SameSeedTwice_WritesByteIdenticalFiles()
    {
        var options = new SyntheticOptions { Seed = 42, FirstYear = 2024, LastYear = 2025, DossiersPerYear = 2_000 };
        using var first = GeneratedSources.With(options);
        using var second = GeneratedSources.With(options);

        var names = first.Summary.Files.Select(f => Path.GetFileName(f.Path)).ToList();
        Assert.Equal(6, names.Count);
        Assert.Equal(names, second.Summary.Files.Select(f => Path.GetFileName(f.Path)));
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Directory, name)), File.ReadAllBytes(Path.Combine(second.Directory, name)));
    }

    [Fact]
    public void Generate_OtherSeed_WritesDifferentDossiers()
    {
        using var one = GeneratedSources.With(new SyntheticOptions { Seed = 1, FirstYear = 2024, LastYear = 2024, DossiersPerYear = 2_000 });
        using var other = GeneratedSources.With(one.Options with { Seed = 2 });

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(one.Directory, "onestop_2024.csv")),
            File.ReadAllBytes(Path.Combine(other.Directory, "onestop_2024.csv")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(one.Directory, "pakn_2024.csv")),
            File.ReadAllBytes(Path.Combine(other.Directory, "pakn_2024.csv")));
    }

    [Fact]
    public void Generate_Files_HaveExactlyTheCanonicalColumns()
    {
        // The column lists of docs/source-formats.md, in order.
        Assert.Equal(
        [
            "dossier_code", "procedure_code", "procedure_name", "field_code", "field_name", "agency_code", "agency_name",
            "applicant_type", "received_at", "due_at", "finished_at", "returned_at", "status", "channel", "online_service",
            "fee_amount", "paid_online", "supplement_requests", "supplement_wait_days", "apology_issued", "late_reason",
            "citizen_rating",
        ], sources.Onestop.Header);
        Assert.Equal(
        [
            "feedback_code", "agency_code", "channel", "category", "received_at", "transferred_at", "due_at", "handled_at",
            "state", "published_at", "reaction",
        ], sources.Pakn.Header);
        Assert.Equal(
        [
            "dossier_code", "agency_code", "documents_submitted", "documents_digitized", "documents_reused",
            "from_personal_store", "population_db_used", "result_required", "result_electronic", "result_file_url",
        ], sources.Digitization.Header);
        Assert.Equal(["onestop_2021.csv", "pakn_2021.csv", "digitization_2021.csv"],
            sources.Summary.Files.Take(3).Select(f => Path.GetFileName(f.Path)));
    }

    [Fact]
    public void Generate_EveryDossierAndFeedback_IsAddressedToAUnitValidOnItsReceivedDate()
    {
        foreach (var table in new[] { sources.Onestop, sources.Pakn })
        {
            var agency = table.Column("agency_code");
            var received = table.Column("received_at");
            var invalid = table.Rows.Where(r => !Agencies.Any(a => a.Code == r[agency]
                && a.ProvinceCode is "TNI" or "LAN" && a.IsValidOn(DateOnly.FromDateTime(CsvTable.Date(r[received]))))).ToList();
            Assert.Empty(invalid.Take(5).Select(r => $"{r[agency]} on {r[received]}"));
            Assert.True(table.Rows.Count > 0);
        }
    }

    [Fact]
    public void Generate_WithAsOfInMidYear_ReceivesNothingLaterAndLeavesRecentWorkPending()
    {
        var asOf = new DateTime(2025, 8, 15, 10, 0, 0);
        using var cut = GeneratedSources.With(new SyntheticOptions { Seed = 3, FirstYear = 2025, LastYear = 2026, DossiersPerYear = 5_000, AsOf = asOf });

        Assert.Equal(asOf, cut.Summary.AsOf);
        Assert.DoesNotContain(cut.Summary.Files, f => f.Year == 2026);
        var dates = new[] { (cut.Onestop, new[] { "received_at", "finished_at", "returned_at" }),
            (cut.Pakn, new[] { "received_at", "transferred_at", "handled_at", "published_at" }) };
        foreach (var (table, columns) in dates)
        foreach (var column in columns)
            Assert.DoesNotContain(table.Values(column), v => v.Length > 0 && CsvTable.Date(v) > asOf);
        var onestop = cut.Onestop;
        var pending = onestop.Rows.Where(r => r[onestop.Column("status")] is "4" or "5").ToList();
        Assert.NotEmpty(pending);
        Assert.All(pending, r => Assert.Equal("", r[onestop.Column("finished_at")]));
        Assert.Contains(cut.Pakn.Values("state"), s => s is "waiting" or "processing");
    }

    [Fact]
    public void Generate_Dossiers_EndAfterTheyStartAndAreReturnedAfterFinishing()
    {
        var t = sources.Onestop;
        int received = t.Column("received_at"), due = t.Column("due_at"), finished = t.Column("finished_at"),
            returned = t.Column("returned_at"), status = t.Column("status");
        foreach (var r in t.Rows)
        {
            if (r[finished].Length > 0) Assert.True(CsvTable.Date(r[finished]) >= CsvTable.Date(r[received]), r[0]);
            if (r[returned].Length > 0) Assert.True(CsvTable.Date(r[returned]) >= CsvTable.Date(r[finished]), r[0]);
            if (r[due].Length > 0) Assert.True(CsvTable.Date(r[due]) > CsvTable.Date(r[received]), r[0]);
            if (r[status] == "10") Assert.NotEqual("", r[returned]);
            if (r[status] is "1" or "2" or "4" or "5") Assert.Equal("", r[finished]);
        }
        var statuses = t.Values("status").ToHashSet();
        Assert.Superset(new HashSet<string> { "3", "4", "7", "8", "9", "10" }, statuses);
    }

    [Fact]
    public void Generate_OnlineShare_RisesYearOverYearFromAboutFifteenToAboutSeventyPercent()
    {
        var shares = ByYear(sources.Onestop, r => r[sources.Onestop.Column("channel")] == "2");

        Assert.InRange(shares[2021], 0.10, 0.22);
        Assert.InRange(shares[2026], 0.60, 0.80);
        for (var year = 2022; year <= 2026; year++) Assert.True(shares[year] > shares[year - 1], $"online share {year}");
    }

    [Fact]
    public void Generate_MonthlyCounts_DipInTheMonthOfTetAndPeakInDecember()
    {
        var tetStarts = ReferenceFiles.Default().Holidays().Holidays
            .Where(h => h.Value == "Tết Nguyên đán").GroupBy(h => h.Key.Year).ToDictionary(g => g.Key, g => g.Min(h => h.Key));
        var months = sources.Onestop.Values("received_at").GroupBy(v => v[..7]).ToDictionary(g => g.Key, g => g.Count());

        for (var year = 2021; year <= 2026; year++)
        {
            var typical = Enumerable.Range(3, 8).Select(m => months[$"{year}-{m:00}"]).Order().ElementAt(4);
            Assert.True(months[$"{year}-{tetStarts[year].Month:00}"] < 0.85 * typical, $"Tết {year}");
            if (year < 2026) Assert.True(months[$"{year}-12"] > 1.1 * typical, $"December {year}");
        }
    }

    [Fact]
    public void Generate_DossierCodes_AreUniqueAndNameTheirUnitAndDay()
    {
        var t = sources.Onestop;
        var codes = t.Values("dossier_code").ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var r in t.Rows)
            Assert.Matches($@"^{Regex.Escape(r[t.Column("agency_code")])}-{CsvTable.Date(r[t.Column("received_at")]):yyMMdd}-\d{{4,}}$", r[0]);
    }

    [Fact]
    public void Generate_FullYear_WritesExactlyTheRequestedDossiersInRealisticShares()
    {
        var year = sources.Onestop.Rows.Where(r => r[sources.Onestop.Column("received_at")].StartsWith("2022")).ToList();
        var agency = sources.Onestop.Column("agency_code");
        var levels = year.GroupBy(r => Agencies.First(a => a.Code == r[agency]).Level).ToDictionary(g => g.Key, g => g.Count() / (double)year.Count);

        Assert.Equal(GeneratedSources.DossiersPerYear, year.Count);
        Assert.Equal(GeneratedSources.DossiersPerYear, sources.Summary.Files.Single(f => f.Year == 2022 && f.Path.Contains("onestop")).Rows);
        Assert.InRange(levels["department"], 0.40, 0.50);
        Assert.InRange(levels["centre"], 0.07, 0.13);
        // At ~1M dossiers a year this puts Sở Y tế at a few thousand to ~10k (domain.md §2).
        Assert.InRange(year.Count(r => r[agency].EndsWith(".SYT")) / (double)year.Count, 0.003, 0.012);
        Assert.InRange(year.Count(r => CsvTable.Date(r[sources.Onestop.Column("received_at")]).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                       / (double)year.Count, 0.003, 0.04);
    }

    [Fact]
    public void Generate_LateDossiers_AreFewWithReasonsAndMostlyApologies()
    {
        var t = sources.Onestop;
        int due = t.Column("due_at"), finished = t.Column("finished_at"), wait = t.Column("supplement_wait_days"),
            supplements = t.Column("supplement_requests"), status = t.Column("status");
        // The contract's rule: more than one supplement request, or finished on a later day than due + waiting time.
        bool Late(string[] r) => int.Parse(r[supplements]) > 1
            || CsvTable.Date(r[finished]).Date > CsvTable.Date(r[due]).AddDays(double.Parse(r[wait], System.Globalization.CultureInfo.InvariantCulture)).Date;
        var processed = t.Rows.Where(r => r[status] is "9" or "10").ToList();
        var late = processed.Where(Late).ToList();

        foreach (var (year, onTime) in ByYear(new CsvTable(t.Header, processed), r => !Late(r)))
            Assert.InRange(onTime, 0.93, 0.995);
        Assert.InRange(late.Count(r => r[t.Column("apology_issued")] == "1") / (double)late.Count, 0.5, 0.99);
        Assert.InRange(late.Count(r => r[t.Column("late_reason")].Length > 0) / (double)late.Count, 0.5, 0.99);
        Assert.Contains(late, r => r[t.Column("late_reason")] == "Chờ ý kiến phối hợp của cơ quan liên quan");
        Assert.DoesNotContain(processed.Except(late), r => r[t.Column("apology_issued")] == "1");
        var counts = t.Values("supplement_requests").Select(int.Parse).ToList();
        Assert.InRange(counts.Count(c => c == 1) / (double)counts.Count, 0.03, 0.08);
        Assert.InRange(counts.Count(c => c > 1) / (double)counts.Count, 0.005, 0.02);
    }

    [Fact]
    public void Generate_AcrossReorganisations_WorkFollowsTheSuccessorUnits()
    {
        var t = sources.Onestop;
        int agency = t.Column("agency_code"), received = t.Column("received_at"), field = t.Column("field_code");
        var socialProtection = t.Rows.Where(r => r[field] == "BTXH").ToList();

        Assert.Contains(socialProtection, r => r[agency].EndsWith(".SLDTBXH") && string.CompareOrdinal(r[received], "2025-03") < 0);
        Assert.All(socialProtection.Where(r => string.CompareOrdinal(r[received], "2025-03") >= 0),
            r => Assert.Matches(@"\.(SYT|TTPVHCC)$", r[agency]));
        Assert.Contains(t.Rows, r => r[agency].StartsWith("LAN.") && r[received].StartsWith("2025-06"));
        Assert.DoesNotContain(t.Rows, r => r[agency].StartsWith("LAN.") && string.CompareOrdinal(r[received], "2025-07") >= 0);
        Assert.Contains(t.Rows, r => r[agency] == "TNI.SNNMT");
        Assert.Contains(t.Rows, r => r[agency] == "TNI.X001");
    }

    [Fact]
    public void Generate_Digitization_CoversMostDossiersWithARisingDigitizedShare()
    {
        var dossiers = sources.Onestop.Rows.ToDictionary(r => r[0], r => r[sources.Onestop.Column("agency_code")]);
        var d = sources.Digitization;

        Assert.All(d.Rows, r => Assert.Equal(dossiers[r[0]], r[d.Column("agency_code")]));
        Assert.InRange(d.Rows.Count / (double)dossiers.Count, 0.90, 0.99);
        var digitized = d.Rows.GroupBy(r => r[0].Split('-')[^2][..2]).ToDictionary(
            g => 2000 + int.Parse(g.Key), g => g.Count(r => r[d.Column("documents_digitized")] != "0") / (double)g.Count());
        Assert.InRange(digitized[2021], 0.05, 0.20);
        Assert.InRange(digitized[2026], 0.75, 0.95);
        for (var year = 2022; year <= 2026; year++) Assert.True(digitized[year] > digitized[year - 1], $"digitized {year}");
        Assert.All(d.Rows.Where(r => r[d.Column("result_electronic")] == "1"), r => Assert.StartsWith("https://", r[d.Column("result_file_url")]));
    }

    [Fact]
    public void Generate_Pakn_AFewPerUnitPerMonthSomeLateSomeOpen()
    {
        var p = sources.Pakn;
        int due = p.Column("due_at"), handled = p.Column("handled_at");
        var perYear = p.Values("received_at").GroupBy(v => v[..4]).ToDictionary(g => g.Key, g => g.Count());

        // About 60 units before the mergers, about 30 after: "a few" each a month.
        Assert.InRange(perYear["2022"], 60 * 12 * 1, 60 * 12 * 6);
        Assert.Contains(p.Rows, r => r[due].Length > 0 && r[handled].Length > 0 && CsvTable.Date(r[handled]).Date > CsvTable.Date(r[due]).Date);
        Assert.Contains(p.Rows, r => r[due].Length == 0);
        Assert.Contains(p.Values("state"), s => s is "waiting" or "processing");
        Assert.Equal(p.Rows.Count, p.Values("feedback_code").Distinct().Count());
    }

    private static Dictionary<int, double> ByYear(CsvTable table, Func<string[], bool> predicate) =>
        table.Rows.GroupBy(r => int.Parse(r[table.Column("received_at")][..4]))
            .ToDictionary(g => g.Key, g => g.Count(predicate) / (double)g.Count());
}
