namespace IndicatorWarehouse.Cli;

/// <summary>A one-line progress counter on stderr, only when a person is watching (not when output is redirected).</summary>
internal static class ConsoleProgress
{
    private static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    public static IProgress<long>? ForRows() =>
        Interactive ? new Progress<long>(rows => Console.Error.Write($"\r  {rows:N0} dòng / rows …")) : null;

    public static void Clear()
    {
        if (Interactive) Console.Error.Write("\r" + new string(' ', 40) + "\r");
    }
}
