using System.Security.Cryptography;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>The content hash that identifies a snapshot file: the same bytes under another name are the same snapshot.</summary>
internal static class FileHash
{
    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct));
    }
}
