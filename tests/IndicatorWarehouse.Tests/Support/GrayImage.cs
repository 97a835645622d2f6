namespace IndicatorWarehouse.Tests.Support;

/// <summary>A binary PGM (P5) image, as `pdftoppm -gray` writes it: enough to tell a rendered page from a blank one.</summary>
public sealed class GrayImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] pixels;

    private GrayImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.pixels = pixels;
    }

    /// <summary>Share of pixels darker than <paramref name="threshold"/> (0 black … 255 white).</summary>
    public double DarkShare(byte threshold = 200) => pixels.Count(p => p < threshold) / (double)pixels.Length;

    public static GrayImage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (true)
            {
                while (char.IsWhiteSpace((char)bytes[position])) position++;
                if (bytes[position] != '#') break;
                while (bytes[position] != '\n') position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position])) position++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }

        if (Token() != "P5") throw new InvalidDataException($"{path} is not a binary PGM (P5) file.");
        int width = int.Parse(Token()), height = int.Parse(Token()), max = int.Parse(Token());
        if (max > 255) throw new InvalidDataException("16-bit PGM is not supported.");
        position++; // the single whitespace byte that ends the header
        if (bytes.Length - position < width * height) throw new InvalidDataException($"{path} is truncated.");
        return new GrayImage(width, height, bytes[position..(position + width * height)]);
    }
}
