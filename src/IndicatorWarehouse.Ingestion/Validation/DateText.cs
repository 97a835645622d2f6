using System.Globalization;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Parses dates: ISO 8601 always (canonical files, and date cells of workbooks), then the formats a
/// profile declares. An ISO value with an offset is converted to Vietnam local time (UTC+7, no DST).</summary>
internal static class DateText
{
    /// <summary>The ISO forms named to people when a date cannot be read.</summary>
    public static readonly string[] IsoFormatsForPeople = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"];
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static bool TryParse(string text, string[] profileFormats, out DateTime value)
    {
        if (TryParseIsoFast(text, out value)) return true;
        if (profileFormats.Length > 0 && DateTime.TryParseExact(text, profileFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
        if (text.Length > 10 && text[4] == '-' && DateTimeOffset.TryParseExact(text,
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            value = withOffset.ToOffset(VietnamOffset).DateTime;
            return true;
        }
        return false;
    }

    /// <summary>yyyy-MM-dd and yyyy-MM-ddTHH:mm:ss, the forms of nearly every canonical cell, without the
    /// general parser's cost.</summary>
    private static bool TryParseIsoFast(string s, out DateTime value)
    {
        value = default;
        if (s.Length is not (10 or 19) || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)) return false;
        int hour = 0, minute = 0, second = 0;
        if (s.Length == 19 && (s[10] is not ('T' or ' ') || s[13] != ':' || s[16] != ':'
            || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute) || !Digits(s, 17, 2, out second))) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)
            || hour > 23 || minute > 59 || second > 59 || year < 1) return false;
        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    private static bool Digits(string s, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            number = number * 10 + d;
        }
        return true;
    }

    /// <summary>A date as people read it here: dd/MM/yyyy HH:mm, or dd/MM/yyyy at midnight.</summary>
    public static string ForPeople(DateTime value) => value.TimeOfDay == TimeSpan.Zero
        ? value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
