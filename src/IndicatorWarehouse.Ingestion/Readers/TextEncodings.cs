using System.Text;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Text encodings that fail loudly on bytes they cannot decode instead of inventing U+FFFD.</summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The strict encoding called <paramref name="name"/> (utf-8, utf-16, utf-16be, windows-1258, …).</summary>
    public static Encoding Strict(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => StrictUtf8,
        "utf-16" or "utf-16le" or "unicode" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        var other => Encoding.GetEncoding(other, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
    };

    /// <summary>Makes the legacy code pages (windows-1258, …) available; ExcelDataReader needs them too.</summary>
    public static void EnsureRegistered() => _ = StrictUtf8;
}
