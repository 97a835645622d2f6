namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>The few kinds of draw the generator needs, and seed derivation. Everything runs on
/// <see cref="System.Random"/> built from an explicit seed, whose sequence is fixed for a seed, so the
/// same seed gives the same files byte for byte.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>1, 2, 3… with each further step taken with probability <paramref name="continueProbability"/>.</summary>
    public static int Geometric(this Random random, double continueProbability, int max)
    {
        var n = 1;
        while (n < max && random.Chance(continueProbability)) n++;
        return n;
    }

    /// <summary>An independent stream per (seed, year, purpose), so each year's files do not depend on
    /// how many draws the previous years made (SplitMix64 finaliser).</summary>
    public static int DeriveSeed(int seed, int year, int stream)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)(year * 16 + stream)) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    /// <summary>A fraction in [0, 1) fixed for a text (FNV-1a), for traits that must not change from run
    /// to run or seed to seed, e.g. which successor a procedure moves to. string.GetHashCode is randomised.</summary>
    public static double StableFraction(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (hash & 0xFFFFFF) / (double)0x1000000;
    }
}
