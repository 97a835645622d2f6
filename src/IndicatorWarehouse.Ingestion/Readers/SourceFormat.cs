using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>The file formats a snapshot may come in, chosen by extension.</summary>
public enum SourceFormat { Csv, Json, Excel }

public static class SourceFormats
{
    public static SourceFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => SourceFormat.Csv,
        ".json" => SourceFormat.Json,
        ".xlsx" or ".xls" => SourceFormat.Excel,
        var other => throw new SourceRejectedException(path, ProblemText.Of(
            $"không nhận loại tệp '{(other.Length == 0 ? "(không có phần mở rộng)" : other)}': chỉ nhận .csv, .json hoặc .xlsx",
            $"unsupported file type '{(other.Length == 0 ? "(no extension)" : other)}': expected .csv, .json or .xlsx")),
    };
}
