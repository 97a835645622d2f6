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
        var (width, height, pixels) = Netpbm.Read(path, "P5", 1);
        return new GrayImage(width, height, pixels);
    }
}
