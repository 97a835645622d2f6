using System.Security.Cryptography;
using System.Text;

namespace IndicatorWarehouse.Domain.Rules;

/// <summary>One reference file whose rules decide figures (indicators.yaml, index766.yaml, deadlines.yaml,
/// holidays.csv): the version it declares, if any, the hash of its content, and the content itself.</summary>
/// <param name="Version">the file's own <c>rule_version</c>; null for a file that declares none (holidays.csv)</param>
public sealed record RuleFile(string Name, string? Version, string Hash, string Text)
{
    /// <summary>The hash is taken over the text with line ends made uniform, so a checkout with other line ends is
    /// not a rules change while any edit of a character is.</summary>
    public static RuleFile Of(string name, string? version, string text) =>
        new(name, string.IsNullOrWhiteSpace(version) ? null : version.Trim(), Sha256(text.ReplaceLineEndings("\n")), text);

    /// <summary>How the file is named in a label or a note: its version, else the start of its hash.</summary>
    public string VersionOrHash => Version ?? ShortHash;

    public string ShortHash => Hash[..8];

    internal static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
