using System.Text.RegularExpressions;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Jobs;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Server.Configuration;

/// <summary>Reads and checks a <see cref="ServeConfig"/> file; JSON is read as the YAML it also is. A key the model
/// does not know is an error, so a misspelt setting is not silently ignored.</summary>
public static partial class ServeConfigFile
{
    private static readonly string[] SourceKinds = ["onestop", "pakn", "digitization", "targets"];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The file's settings; with no file, the defaults (no sources, no users, dashboards open).</summary>
    public static ServeConfig Load(string? path)
    {
        if (path is null) return Validated(new ServeConfig(), "(default configuration)");
        if (!File.Exists(path)) throw new FileNotFoundException($"Configuration file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static ServeConfig Parse(string text, string origin)
    {
        ServeConfig config;
        try
        {
            config = Reader.Deserialize<ServeConfig?>(text) ?? new ServeConfig();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{origin}: {e.Start}: {(e.InnerException ?? e).Message}", e);
        }
        return Validated(config, origin);
    }

    /// <summary>The dashboards folder: the file's setting, else <c>IW_DASHBOARDS</c>, else beside the binaries.</summary>
    public static string DashboardsFolder(ServeConfig config) =>
        config.Dashboards ?? (Environment.GetEnvironmentVariable("IW_DASHBOARDS") is { Length: > 0 } dir
            ? dir : Path.Combine(AppContext.BaseDirectory, "dashboards"));

    private static ServeConfig Validated(ServeConfig config, string origin)
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in config.Sources)
        {
            var who = $"source '{source.Name}'";
            if (!JobName().IsMatch(source.Name)) problems.Add($"{who}: a name is lower-case letters, digits and '-'");
            else if (!names.Add(source.Name)) problems.Add($"{who}: the name is used twice");
            if (!SourceKinds.Contains(source.Kind)) problems.Add($"{who}: kind must be one of {string.Join(", ", SourceKinds)}");
            if (string.IsNullOrWhiteSpace(source.Folder)) problems.Add($"{who}: a folder is required (HTTP sources write their snapshots there)");
            CheckCron(source.Cron, who, problems);
            if (source.Http is { } http)
            {
                if (!Uri.TryCreate(http.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    problems.Add($"{who}: http.url must be an absolute http(s) URL");
                if (http.Paging is not ("single" or "pages" or "next")) problems.Add($"{who}: http.paging must be single, pages or next");
                if (http.AuthValueEnv is not null && http.AuthHeader is null) problems.Add($"{who}: http.authValueEnv needs http.authHeader");
            }
        }
        CheckCron(config.Scorecards.Cron, "scorecards", problems);
        CheckCron(config.QuickReports.Cron, "quickReports", problems);
        CheckCron(config.Alerts.Cron, "alerts", problems);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(config.TimeZone, out _))
            problems.Add($"timeZone: '{config.TimeZone}' is no time zone this machine knows (Asia/Ho_Chi_Minh, or SE Asia Standard Time)");
        if (config.Scorecards.Day is < 1 or > 28) problems.Add("scorecards.day must be between 1 and 28");
        if (config.Retry.Attempts < 1) problems.Add("retry.attempts must be at least 1");
        if (config.LeaseMinutes <= 0) problems.Add("leaseMinutes must be more than 0");
        foreach (var user in config.Access.Users)
        {
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':')) problems.Add($"user '{user.Name}': a name without ':' is required");
            if (!Roles.All.Contains(user.Role)) problems.Add($"user '{user.Name}': role must be {string.Join(" or ", Roles.All)}");
            if (!PasswordHash.IsWellFormed(user.PasswordHash))
                problems.Add($"user '{user.Name}': passwordHash is not a hash printed by `iw serve hash-password`");
        }
        if (config.Proxy.PathBase is { } pathBase && (!pathBase.StartsWith('/') || pathBase.EndsWith('/')))
            problems.Add("proxy.pathBase starts with '/' and does not end with one, e.g. /cchc");
        return problems.Count == 0 ? config : throw new InvalidDataException($"{origin}: {string.Join("; ", problems)}.");
    }

    private static void CheckCron(string cron, string who, List<string> problems)
    {
        if (!JobCron.IsValid(cron))
            problems.Add($"{who}: '{cron}' is not a cron expression (seconds minutes hours day-of-month month day-of-week, or the five without seconds)");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex JobName();
}
