using System.Globalization;
using System.Text;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>Canonical one-stop CSV files of made-up dossiers for process-level tests, written row by row (any size).</summary>
public static class OnestopFile
{
    public const string Header = "dossier_code,procedure_code,procedure_name,field_code,field_name,agency_code,agency_name,applicant_type," +
        "received_at,due_at,finished_at,returned_at,status,channel,online_service,fee_amount,paid_online,supplement_requests," +
        "supplement_wait_days,apology_issued,late_reason,citizen_rating";

    /// <summary>A moment after every dossier these files hold.</summary>
    public const string AsOf = "2026-11-20T17:00";

    private static readonly string[] Agencies = ["TNI.SYT,Sở Y tế Tây Ninh", "TNI.STC,Sở Tài chính Tây Ninh", "TNI.STP,Sở Tư pháp Tây Ninh"];

    /// <summary>Dossiers <paramref name="first"/> .. first + count − 1, received between January and October 2026 in three
    /// units; <paramref name="version"/> moves their state on (which are still pending, when the others finished), so
    /// the same dossiers in a later version are updates.</summary>
    public static async Task<string> WriteAsync(string path, int count, int first = 0, int version = 0)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync(Header);
        for (var i = first; i < first + count; i++) await writer.WriteLineAsync(Row(i, version));
        return path;
    }

    /// <summary><see cref="Row"/> with some fields replaced (values written as given, CSV quoting included).</summary>
    public static string RowWith(int i, params (string Column, string Value)[] changes)
    {
        var columns = Header.Split(',');
        var values = Row(i).Split(',');
        foreach (var (column, value) in changes) values[Array.IndexOf(columns, column)] = value;
        return string.Join(',', values);
    }

    public static string Row(int i, int version = 0)
    {
        var received = new DateTime(2026, 1, 5, 8, 0, 0).AddDays(i % 300).AddMinutes(i % 480);
        DateTime? finished = (i + version) % 4 == 0 ? null : received.AddDays(3 + (i + version) % 12);
        return string.Create(CultureInfo.InvariantCulture,
            $"TNI-{i:0000000},1.005129,Cấp giấy phép hành nghề,KCB,Khám bệnh,{Agencies[i % Agencies.Length]},1," +
            $"{received:yyyy-MM-ddTHH:mm:ss},{received.AddDays(10):yyyy-MM-ddTHH:mm:ss},{finished:yyyy-MM-ddTHH:mm:ss},," +
            $"{(finished is null ? 4 : 10)},2,toan_trinh,0,0,0,0,0,,");
    }
}
