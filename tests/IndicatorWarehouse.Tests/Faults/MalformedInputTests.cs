using System.Text;
using Dapper;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>Every class of malformed input through the real <c>iw ingest</c>: a bad row goes to quarantine with its
/// line and field while the rest loads; a bad file is refused whole, names itself and its problem, and leaves nothing.</summary>
public sealed class MalformedInputTests
{
    private static readonly string[] Columns = OnestopFile.Header.Split(',');

    /// <summary>A good row with one field replaced.</summary>
    private static string With(int i, string column, string value)
    {
        var values = OnestopFile.Row(i).Split(',');
        values[Array.IndexOf(Columns, column)] = value;
        return string.Join(',', values);
    }

    [Fact]
    public async Task Ingest_OneRowOfEachMalformedClass_QuarantinesEachAtItsLineAndFieldAndLoadsTheRest()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        (string Row, string Field)[] bad =
        [
            (With(1, "dossier_code", ""), "dossier_code"),                         // required value missing
            (With(2, "received_at", "31/02/2026 08:00"), "received_at"),           // not a date
            (With(3, "received_at", "1890-01-01T08:00:00"), "received_at"),        // implausible date
            (With(4, "received_at", "2026-12-01T08:00:00"), "received_at"),        // after the snapshot's as-of
            (With(5, "finished_at", "2025-01-01T08:00:00"), "finished_at"),        // ends before it was received
            (With(6, "fee_amount", "năm trăm"), "fee_amount"),                     // not a number
            (With(7, "fee_amount", "-5"), "fee_amount"),                           // negative amount
            (With(8, "supplement_requests", "1.5"), "supplement_requests"),        // not a whole number
            (With(9, "status", "11"), "status"),                                   // code out of range
            (With(10, "online_service", "mot_phan_ba"), "online_service"),         // unknown named code
            (OnestopFile.Row(11) + ",thừa", "(row)"),                              // more values than the header
        ];
        var lines = new List<string> { OnestopFile.Header };
        var expected = new List<(long Line, string Field)>();
        for (var i = 0; i < 200; i++)
        {
            if (i % 18 == 5 && expected.Count < bad.Length)
            {
                lines.Add(bad[expected.Count].Row);
                expected.Add((lines.Count, bad[expected.Count].Field)); // the header is line 1
            }
            lines.Add(OnestopFile.Row(1000 + i));
        }
        var file = Path.Combine(w.Directory, "co-dong-loi.csv");
        await File.WriteAllLinesAsync(file, lines, new UTF8Encoding(false));

        var result = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(bad.Length, expected.Count);
        Assert.Contains("loaded 200,", result.Stdout);
        Assert.Contains($"quarantined {bad.Length} ", result.Stdout);
        await using var c = await w.OpenAsync();
        var quarantined = (await c.QueryAsync<(long Line, string Field, string Reason)>(
            "SELECT line_no, field, reason FROM etl_quarantine ORDER BY line_no")).ToList();
        Assert.Equal(expected, quarantined.Select(q => (q.Line, q.Field)));
        Assert.Equal("received_at: '31/02/2026 08:00' không phải ngày hợp lệ (dạng yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss) / "
            + "'31/02/2026 08:00' is not an ISO date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)", quarantined[1].Reason);
        Assert.Equal("có 23 giá trị nhưng dòng tiêu đề có 22 cột (dấu phân cách trong giá trị không đặt trong ngoặc kép?) / "
            + "has 23 values but the header has 22 columns (an unquoted delimiter in a value?)", quarantined[^1].Reason);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_quarantine WHERE reason = '' OR raw_record = ''"));
        Assert.Equal(200, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    /// <summary>Each file with the start of its problem as staff read it (Vietnamese), and the English that follows.</summary>
    public static TheoryData<string, byte[], string, string> RejectedFiles => new()
    {
        { "rong.csv", [], "tệp trống", "the file is empty" },
        { "dong-trong.csv", Encoding.UTF8.GetBytes("\n\n"), "không có dòng tiêu đề", "has no header row" },
        { "thieu-cot.csv", Text("dossier_code,procedure_code,agency_code\nA-1,1.005129,TNI.SYT\n"),
            "thiếu cột bắt buộc 'received_at'; dòng tiêu đề có: dossier_code, procedure_code, agency_code",
            "the required column 'received_at' is missing; the header has: dossier_code, procedure_code, agency_code" },
        { "ngoac-kep.csv", Text(OnestopFile.Header + "\n" + OnestopFile.Row(1) + "\n\"A-2,1.005129\n"),
            "dòng 3: một giá trị mở ngoặc kép nhưng không đóng", "line 3: a quoted field is never closed" },
        { "windows-1258.csv", [.. Text(OnestopFile.Header + "\n"), .. Encoding.Latin1.GetBytes(OnestopFile.Row(1)), (byte)'\n'],
            "không phải văn bản UTF-8 hợp lệ ở dòng 2", "is not valid UTF-8 text at line 2" },
        { "la-zip.csv", [(byte)'P', (byte)'K', 3, 4, .. Text("không phải CSV")], "là tệp nén ZIP (bảng tính .xlsx?), không phải tệp văn bản CSV",
            "is a ZIP archive (an .xlsx workbook?), not a CSV text file" },
        { "cat-ngang.json", Text("[{\"dossier_code\": \"A-1\""), "không phải JSON hợp lệ ở dòng 1 (sai cú pháp hoặc tệp bị cắt cụt)",
            "is not valid JSON at line 1: " },
        { "van-ban.xlsx", Text("không phải bảng tính"), "không phải bảng tính Excel", "is not an Excel workbook" },
        { "ho-so.txt", Text(OnestopFile.Header + "\n"), "không nhận loại tệp '.txt': chỉ nhận .csv, .json hoặc .xlsx",
            "unsupported file type '.txt': expected .csv, .json or .xlsx" },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task Ingest_MalformedFile_IsRefusedWholeNamingFileAndProblemAndLeavesNothing(string name, byte[] content, string vietnamese, string english)
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = Path.Combine(w.Directory, name);
        await File.WriteAllBytesAsync(file, content);

        var result = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{name}: {vietnamese}", result.Stderr);
        Assert.Contains($" / {english}", result.Stderr);
        Assert.Equal(0, await WarehouseChecks.ScalarAsync(w.DbPath,
            "SELECT (SELECT COUNT(*) FROM etl_snapshot) + (SELECT COUNT(*) FROM fact_dossier) + (SELECT COUNT(*) FROM etl_quarantine)"));
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
