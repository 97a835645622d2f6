using System.Text;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>How to read a file: the text encoding and delimiter of a CSV, which row holds the header, and the
/// decimal separator used when a typed cell (an Excel or JSON number) is turned into text, so that the text
/// follows the same convention as the rest of the file.</summary>
public sealed record ReadOptions(Encoding Encoding, char Delimiter = ',', int HeaderRow = 1, char DecimalSeparator = '.')
{
    public static ReadOptions Default { get; } = new(TextEncodings.StrictUtf8);

    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;
}
