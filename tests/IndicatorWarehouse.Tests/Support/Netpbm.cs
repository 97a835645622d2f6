namespace IndicatorWarehouse.Tests.Support;

/// <summary>Reads the binary Netpbm images `pdftoppm` writes: PGM (P5, one byte a pixel) and PPM (P6, three).</summary>
internal static class Netpbm
{
    public static (int Width, int Height, byte[] Pixels) Read(string path, string magic, int bytesPerPixel)
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

        if (Token() != magic) throw new InvalidDataException($"{path} is not a binary {magic} image.");
        int width = int.Parse(Token()), height = int.Parse(Token()), max = int.Parse(Token());
        if (max > 255) throw new InvalidDataException("16-bit images are not supported.");
        position++; // the single whitespace byte that ends the header
        var length = width * height * bytesPerPixel;
        if (bytes.Length - position < length) throw new InvalidDataException($"{path} is truncated.");
        return (width, height, bytes[position..(position + length)]);
    }
}
