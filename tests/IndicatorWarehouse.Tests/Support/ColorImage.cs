namespace IndicatorWarehouse.Tests.Support;

/// <summary>A binary PPM (P6) image, as `pdftoppm` writes it by default: enough to find where a colour was drawn.</summary>
public sealed class ColorImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] rgb;

    private ColorImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        this.rgb = rgb;
    }

    /// <summary>How many pixels of column <paramref name="x"/>, rows <paramref name="top"/> to <paramref name="bottom"/>,
    /// are within <paramref name="tolerance"/> (per channel) of the colour <paramref name="hex"/> ("#0072b2").</summary>
    public int CountInColumn(int x, int top, int bottom, string hex, int tolerance = 40)
    {
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        var count = 0;
        for (var y = Math.Max(0, top); y <= Math.Min(Height - 1, bottom); y++)
        {
            var i = (y * Width + x) * 3;
            if (Math.Abs(rgb[i] - r) <= tolerance && Math.Abs(rgb[i + 1] - g) <= tolerance && Math.Abs(rgb[i + 2] - b) <= tolerance) count++;
        }
        return count;
    }

    public static ColorImage Load(string path)
    {
        var (width, height, rgb) = Netpbm.Read(path, "P6", 3);
        return new ColorImage(width, height, rgb);
    }
}
