using System.Text;
using Dapper;
using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, points 1, 5, 6 and 9: hostile and careless rows through the real `iw ingest` on a real SQLite file.
/// Each bad row is quarantined with its field and a Vietnamese-first reason; the good rows load.</summary>
public sealed class HostileIngestTests
{
    private static readonly string[] Columns = OnestopFile.Header.Split(',');

    private static string With(int i, params (string Column, string Value)[] changes) => OnestopFile.RowWith(i, changes);

    private static async Task<(IwProcess.Result Result, List<(long Line, string Field, string Reason)> Quarantined)> IngestAsync(
        TempWarehouse w, string kind, string name, IEnumerable<string> lines, string asOf = OnestopFile.AsOf)
    {
        var file = Path.Combine(w.Directory, name);
        await File.WriteAllLinesAsync(file, lines, new UTF8Encoding(false));
        var result = await IwProcess.RunAsync("ingest", kind, file, "--as-of", asOf, "--db", w.DbPath);
        await using var c = await w.OpenAsync();
        var quarantined = (await c.QueryAsync<(long, string, string)>("SELECT line_no, field, reason FROM etl_quarantine ORDER BY snapshot_id, line_no")).ToList();
        return (result, quarantined);
    }

    [Fact]
    public async Task Point1_CodesThatArePaths_AreQuarantinedAndMakeNoUnit()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        string[] hostile = [".", "TNI.A/B", "TNI.A\\B", "TNI.<x>", "../../../../escape/PWN"];
        var lines = new List<string> { OnestopFile.Header, OnestopFile.Row(1) };
        lines.AddRange(hostile.Select((code, i) => With(10 + i, ("agency_code", code))));
        lines.Add(With(20, ("procedure_code", "1.005129/../x")));
        lines.Add(With(21, ("field_code", "KCB <script>")));

        var (result, quarantined) = await IngestAsync(w, "onestop", "ma-doc-hai.csv", lines);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("loaded 1,", result.Stdout);
        Assert.Equal(["agency_code", "agency_code", "agency_code", "agency_code", "agency_code", "procedure_code", "field_code"],
            quarantined.Select(q => q.Field));
        Assert.All(quarantined, q => Assert.Contains("không phải mã hợp lệ", q.Reason));
        Assert.StartsWith("agency_code: '../../../../escape/PWN' không phải mã hợp lệ", quarantined[4].Reason);
        await using var c = await w.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_agency WHERE is_inferred = 1"));
    }

    [Theory]
    [InlineData("../../../../escape/PWN")]
    [InlineData("TNI.A\\B")]
    [InlineData("..")]
    [InlineData("TNI.<x>")]
    public void Point1_FileNamesFromData_StayInTheirFolder(string code)
    {
        var folder = Path.Combine(Path.GetTempPath(), "iw-out-" + Guid.NewGuid().ToString("N")[..8]);

        var path = SafeFileName.In(folder, SafeFileName.Of("bao-cao-nhanh", code, "2026-10-01") + ".txt");

        Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(path));
        Assert.Matches("^bao-cao-nhanh_[A-Za-z0-9.-]+_2026-10-01\\.txt$", Path.GetFileName(path));
        Assert.Throws<InvalidOperationException>(() => SafeFileName.In(folder, "../" + code));
    }

    [Fact]
    public async Task Point1_QuickReportOfAPathLikeUnit_WritesInsideItsFolder()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var output = Path.Combine(w.Directory, "out");

        var result = await IwProcess.RunAsync("quick-report", "--agency", "../../escape/PWN", "--date", "2026-10-01", "--out", output,
            "--format", "html", "--db", w.DbPath);

        Assert.False(Directory.Exists(Path.Combine(w.Directory, "escape")), result.Stdout + result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(w.Directory)!, "escape")));
        if (result.ExitCode == 0) Assert.All(Directory.GetFiles(output), f => Assert.StartsWith(output, f));
    }

    [Fact]
    public async Task Point5_EveryTimestampAfterTheAsOf_IsQuarantined_AndBoundsComeFromData()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        string[] lines =
        [
            OnestopFile.Header, OnestopFile.Row(1),
            With(2, ("finished_at", "2031-01-01T08:00:00")),
            With(3, ("returned_at", "2030-06-01T08:00:00")),
            With(4, ("supplement_wait_days", "100000")),
            With(5, ("supplement_requests", "51")),
        ];

        var (result, quarantined) = await IngestAsync(w, "onestop", "tuong-lai.csv", lines);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["finished_at", "returned_at", "supplement_wait_days", "supplement_requests"], quarantined.Select(q => q.Field));
        Assert.Contains("sau thời điểm dữ liệu của lô", quarantined[0].Reason);
        Assert.Contains("sau thời điểm dữ liệu của lô", quarantined[1].Reason);
        Assert.StartsWith("supplement_wait_days: 100.000 vượt giới hạn 365", quarantined[2].Reason);
        await using var c = await w.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Point5_PaknDatesAfterTheAsOf_AreQuarantined()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        string[] lines =
        [
            "feedback_code,agency_code,channel,category,received_at,transferred_at,due_at,handled_at,state,published_at,reaction",
            "P-1,TNI.SYT,hotline_1022,conduct,2026-10-02T14:05:00,,2026-12-30T17:00:00,2026-10-20T16:00:00,handled,,dislike",
            "P-2,TNI.SYT,hotline_1022,conduct,2026-10-02T14:05:00,2030-01-01T08:00:00,,,processing,,",
            "P-3,TNI.SYT,hotline_1022,conduct,2026-10-02T14:05:00,,,2031-01-01T08:00:00,handled,,",
            "P-4,TNI.SYT,hotline_1022,conduct,2026-10-02T14:05:00,,,2026-10-05T08:00:00,published,2030-01-01T08:00:00,",
        ];

        var (result, quarantined) = await IngestAsync(w, "pakn", "pakn.csv", lines);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("loaded 1,", result.Stdout);
        Assert.Equal(["transferred_at", "handled_at", "published_at"], quarantined.Select(q => q.Field));
    }

    [Fact]
    public async Task Point9_MeaningChecks_OnestopPaknDigitization_EachAQuarantineReason()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var (onestop, q1) = await IngestAsync(w, "onestop", "y-nghia.csv",
        [
            OnestopFile.Header, OnestopFile.Row(1),
            With(2, ("dossier_code", "\"{\"\"a\"\":1}\"")),
            With(3, ("dossier_code", "\"[1,2]\"")),
            With(4, ("status", "99"), ("channel", "7"), ("fee_amount", "abc")),
        ]);
        Assert.True(onestop.ExitCode == 0, onestop.Stderr);
        Assert.Equal(["dossier_code", "dossier_code", "status, channel, fee_amount"], q1.Select(q => q.Field));
        Assert.Contains("là đối tượng/mảng JSON, không phải mã", q1[0].Reason);
        Assert.StartsWith("status: '99'", q1[2].Reason);
        Assert.Contains("; channel: '7'", q1[2].Reason);
        Assert.Contains("; fee_amount: 'abc'", q1[2].Reason);

        var (pakn, q2) = await IngestAsync(w, "pakn", "pakn.csv",
        [
            "feedback_code,agency_code,channel,category,received_at,transferred_at,due_at,handled_at,state,published_at,reaction",
            "P-1,TNI.SYT,hotline_1022,conduct,2026-10-02T14:05:00,,,2026-10-20T16:00:00,published,,",
        ]);
        Assert.True(pakn.ExitCode == 0, pakn.Stderr);
        Assert.Equal("published_at", q2[^1].Field);
        Assert.Contains("trạng thái là 'published'", q2[^1].Reason);

        var (digitization, q3) = await IngestAsync(w, "digitization", "so-hoa.csv",
        [
            "dossier_code,agency_code,documents_submitted,documents_digitized,documents_reused,from_personal_store,population_db_used,result_required,result_electronic,result_file_url",
            "TNI-0000001,TNI.SYT,2,5,0,0,0,,,",
            "TNI-0000001,TNI.SYT,2000,5,0,0,0,,,",
        ]);
        Assert.True(digitization.ExitCode == 0, digitization.Stderr);
        Assert.Equal(["documents_digitized", "documents_submitted"], q3.Skip(q2.Count).Select(q => q.Field));
    }

    [Fact]
    public async Task Point9_XlsxFormulaWithoutValueAndErrorCell_AreQuarantinedNotReadAsZero_AndTheSheetIsNamed()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = Path.Combine(w.Directory, "cong-thuc.xlsx");
        XlsxPackage.Write(file, XlsxPackage.Rows([Columns, OnestopFile.Row(1).Split(','), With(2, ("supplement_requests", "=1/0")).Split(','),
            With(3, ("fee_amount", "#DIV/0!")).Split(',')]), XlsxPackage.NoStrings);

        var result = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("đọc trang tính 'Ho so' / reading sheet 'Ho so'", result.Stdout);
        Assert.Contains("loaded 1,", result.Stdout);
        await using var c = await w.OpenAsync();
        var quarantined = (await c.QueryAsync<(string Field, string Reason)>("SELECT field, reason FROM etl_quarantine ORDER BY line_no")).ToList();
        Assert.Equal(["supplement_requests", "fee_amount"], quarantined.Select(q => q.Field));
        Assert.Contains("công thức nhưng chưa có giá trị đã tính", quarantined[0].Reason);
        Assert.Contains("ô lỗi công thức Excel #DIV/0!", quarantined[1].Reason);
    }

    [Fact]
    public async Task Point9_OneRecordThreeTimesWithDifferentContent_IsReportedApartFromUnchanged_AndTheLastWins()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var (result, _) = await IngestAsync(w, "onestop", "trung-lap.csv",
        [
            OnestopFile.Header,
            With(5, ("late_reason", "lần 1")), With(5, ("late_reason", "lần 2")), With(5, ("late_reason", "lần 3")),
            OnestopFile.Row(6), OnestopFile.Row(6),
        ]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("loaded 2, updated 0, unchanged 1,", result.Stdout);
        Assert.Contains("2 dòng bị một dòng sau của cùng bản ghi với nội dung khác thay thế (dòng sau cùng được giữ)", result.Stdout);
        await using var c = await w.OpenAsync();
        Assert.Equal("lần 3", await c.ExecuteScalarAsync<string>("SELECT late_reason FROM fact_dossier WHERE dossier_code = 'TNI-0000005'"));
    }

    [Fact]
    public async Task Point9_Targets_RateAbove100AndUnknownAgency_AreQuarantined()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var (result, quarantined) = await IngestAsync(w, "targets", "muc-tieu.csv",
        [
            "agency_code,indicator,period,comparator,value,source_document,clause",
            "TNI.SYT,online_rate,2026,>=,60,KH 1,I.1",
            "TNI.SYT,online_rate,2026-Q1,>=,160,KH 1,I.2",
            "TNI.KHONGCO,online_rate,2026,>=,60,KH 1,I.3",
        ]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("loaded 1,", result.Stdout);
        Assert.Equal(["value", "agency_code"], quarantined.Select(q => q.Field));
        Assert.StartsWith("160 không phải tỷ lệ phần trăm", quarantined[0].Reason);
        Assert.Contains("không có trong danh sách đơn vị", quarantined[1].Reason);
    }

    [Fact]
    public async Task Point9_SemicolonFileAndHugeHeader_GetShortHelpfulRefusals()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var semicolon = Path.Combine(w.Directory, "cham-phay.csv");
        await File.WriteAllTextAsync(semicolon, OnestopFile.Header.Replace(',', ';') + "\n" + OnestopFile.Row(1).Replace(',', ';') + "\n");
        var wide = Path.Combine(w.Directory, "rong.csv");
        await File.WriteAllTextAsync(wide, string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"cot_{i}")) + "\n");

        var first = await IwProcess.RunAsync("ingest", "onestop", semicolon, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        var second = await IwProcess.RunAsync("ingest", "onestop", wide, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("dấu phân cách có vẻ là ';' — hãy dùng một hồ sơ ánh xạ có `delimiter: ';'`", first.Stderr);
        Assert.Contains("the separator looks like ';'", first.Stderr);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("cot_29, … (+9.970)", second.Stderr);
        Assert.True(second.Stderr.Length < 4_000, $"{second.Stderr.Length} characters");
        await using var c = await w.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Point6_CsvWithOneHugeField_QuarantinesThatRowAndLoadsTheRest()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = Path.Combine(w.Directory, "o-lon.csv");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(OnestopFile.Header);
            await writer.WriteLineAsync(OnestopFile.Row(1));
            await writer.WriteAsync(With(2, ("late_reason", "")).TrimEnd(',') + ",\"");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 170; i++) await writer.WriteAsync(chunk);
            await writer.WriteLineAsync("\",");
            await writer.WriteLineAsync(OnestopFile.Row(3));
        }

        var result = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("loaded 2,", result.Stdout);
        await using var c = await w.OpenAsync();
        var (field, reason, raw) = await c.QuerySingleAsync<(string, string, string)>("SELECT field, reason, raw_record FROM etl_quarantine");
        Assert.Equal("late_reason", field);
        Assert.Contains("ô dài hơn 32.767 ký tự", reason);
        Assert.True(raw.Length < 40_000, $"raw record of {raw.Length} characters");
    }

    [Fact]
    public async Task Point6_XlsxBombs_AreRefusedBeforeTheyAreRead_AndLeaveNothing()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var strings = Path.Combine(w.Directory, "chuoi-lon.xlsx");
        XlsxPackage.Write(strings, XlsxPackage.Rows([Columns]), t =>
        {
            t.Write(XlsxPackage.StringsStart + "<si><t>");
            var chunk = new string('a', 1 << 20);
            for (var i = 0; i < 300; i++) t.Write(chunk);
            t.Write("</t></si>" + XlsxPackage.StringsEnd);
        });
        var rows = Path.Combine(w.Directory, "dong-trong.xlsx");
        XlsxPackage.Write(rows, t =>
        {
            t.Write(XlsxPackage.SheetStart);
            t.Write("<row r=\"1\">" + string.Concat(Columns.Select((c, i) => $"<c r=\"{XlsxPackage.Column(i)}1\" t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>");
            for (var r = 0; r < 3_000_000; r++) t.Write("<row/>");
            t.Write(XlsxPackage.SheetEnd);
        }, XlsxPackage.NoStrings);
        Assert.True(new FileInfo(strings).Length < 4 << 20, $"{new FileInfo(strings).Length:N0} bytes");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await IwProcess.RunAsync("ingest", "onestop", strings, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        var second = await IwProcess.RunAsync("ingest", "onestop", rows, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("phần 'xl/sharedStrings.xml' của bảng tính giải nén ra 300 MB", first.Stderr);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("phần 'xl/worksheets/sheet1.xml'", second.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed} for two refusals (two process starts, shared machine)");
        await using var c = await w.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }
}
