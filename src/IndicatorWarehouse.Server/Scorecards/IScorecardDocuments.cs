namespace IndicatorWarehouse.Server.Scorecards;

/// <summary>The monthly scorecard of one unit, as HTML and as PDF. The server and the scorecards job call it; the
/// host that composes the application supplies it. Without one, the scorecard routes answer 501 and the job
/// records itself skipped, saying why.</summary>
public interface IScorecardDocuments
{
    /// <param name="month">YYYY-MM</param>
    Task<string> HtmlAsync(string agencyCode, string month, CancellationToken ct);

    /// <summary>The latest figures as a PDF marked "bản xem, chưa phát hành": reading never issues.</summary>
    Task<byte[]> PdfAsync(string agencyCode, string month, CancellationToken ct);

    /// <summary>Issues the scorecard (archived, a revision when figures changed) and returns the issued PDF.</summary>
    /// <param name="issuedBy">who issues it, as the archive records it (<c>IssuedBy</c>)</param>
    Task<byte[]> IssueAsync(string agencyCode, string month, string issuedBy, CancellationToken ct);
}

/// <summary>What the server says while no <see cref="IScorecardDocuments"/> is wired in.</summary>
public static class ScorecardsMissing
{
    public const string Message =
        "Phiếu điểm tháng chưa có trong bản dựng này: dịch vụ phiếu điểm (IScorecardDocuments) chưa được kết nối với máy chủ. " +
        "Báo cáo nhanh của đơn vị vẫn xem được.";
}

/// <summary>The scorecard service the host supplied, or none; registered either way so that endpoints can ask for it.</summary>
public sealed record ScorecardSlot(IScorecardDocuments? Documents);
