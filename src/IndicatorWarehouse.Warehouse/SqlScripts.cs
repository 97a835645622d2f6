using System.Reflection;
using System.Text.RegularExpressions;

namespace IndicatorWarehouse.Warehouse;

/// <summary>The SQL files of <c>sql/&lt;dialect&gt;/</c>, embedded in this assembly so the binary carries its schema.</summary>
public static partial class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;

    /// <summary>A script by path relative to the dialect folder, e.g. <c>load/merge_dossier.sql</c>.</summary>
    public static string Get(string dialect, string relativePath)
    {
        var name = $"sql/{dialect}/{relativePath}";
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SQL script '{name}' is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The numbered migrations of a dialect (<c>NNN_name.sql</c> at the top of its folder), in order.</summary>
    public static IReadOnlyList<MigrationScript> Migrations(string dialect)
    {
        var prefix = $"sql/{dialect}/";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Resource: n, Match: MigrationName().Match(n[prefix.Length..])))
            .Where(x => x.Match.Success)
            .Select(x => new MigrationScript(int.Parse(x.Match.Groups[1].Value), x.Match.Groups[2].Value,
                Get(dialect, x.Resource[prefix.Length..])))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>A script cut into named steps at lines <c>-- step: name</c>, so one file can hold a sequence
    /// whose steps the caller runs one by one (to read each step's row count).</summary>
    public static IReadOnlyDictionary<string, string> Steps(string dialect, string relativePath)
    {
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in Get(dialect, relativePath).Split('\n'))
        {
            var m = StepMarker().Match(line);
            if (!m.Success) { body.AppendLine(line); continue; }
            if (current is not null) steps[current] = body.ToString();
            current = m.Groups[1].Value;
            body.Clear();
        }
        if (current is not null) steps[current] = body.ToString();
        return steps;
    }

    [GeneratedRegex(@"^--\s*step:\s*([a-z0-9_]+)\s*$")]
    private static partial Regex StepMarker();

    [GeneratedRegex(@"^(\d{3})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}

public sealed record MigrationScript(int Version, string Name, string Sql);
