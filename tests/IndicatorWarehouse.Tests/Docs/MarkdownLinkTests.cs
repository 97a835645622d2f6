using System.Text.RegularExpressions;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Docs;

/// <summary>Every relative link of every Markdown file in the repository leads to a file or folder of the repository:
/// what a user reads must not send them outside it (e.g. to ../shared) or to a file that moved.</summary>
public sealed partial class MarkdownLinkTests
{
    private static readonly string[] Skipped = ["bin", "obj", "out", ".git", "node_modules", "TestResults"];

    [Fact]
    public void RelativeLinks_OfEveryMarkdownFile_ResolveInsideTheRepository()
    {
        var files = MarkdownFiles(RepoPaths.Root).ToList();
        var broken = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match link in Link().Matches(StripCode(text)))
            {
                var target = link.Groups["target"].Value.Split('#')[0].Split('?')[0];
                if (target.Length == 0 || UriScheme().IsMatch(target)) continue;
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target)));
                var inside = resolved.StartsWith(RepoPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (!inside || !(File.Exists(resolved) || Directory.Exists(resolved)))
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: ({link.Groups["target"].Value}){(inside ? "" : " leads outside the repository")}");
            }
        }

        Assert.Contains(files, f => f.EndsWith(Path.Combine("docs", "source-formats.md"), StringComparison.Ordinal));
        Assert.True(broken.Count == 0, "links that do not resolve:\n" + string.Join('\n', broken));
    }

    private static IEnumerable<string> MarkdownFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md")) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !Skipped.Contains(Path.GetFileName(d))))
            foreach (var file in MarkdownFiles(sub)) yield return file;
    }

    /// <summary>Code blocks and inline code show link-like text that is not a link.</summary>
    private static string StripCode(string markdown) => InlineCode().Replace(Fence().Replace(markdown, ""), "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}
