namespace IndicatorWarehouse.Server.Configuration;

/// <summary>The `iw serve` configuration file (YAML or JSON, see dashboards/README.md): sources, schedules, users,
/// where reports go. Property names are the file's keys in camelCase.</summary>
public sealed class ServeConfig
{
    /// <summary>Folder of dashboard files; default the <c>dashboards</c> folder beside the binaries, or <c>IW_DASHBOARDS</c>.</summary>
    public string? Dashboards { get; set; }

    /// <summary>Where jobs write the reports they render.</summary>
    public string Output { get; set; } = "data/reports";

    /// <summary>The time zone the schedules' cron expressions are read in, and the periods named in: the province's, not the
    /// machine's. An IANA id or a Windows one (SE Asia Standard Time); .NET knows both on every system.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>How long a running job's lease lasts unless renewed: its runner renews it every third of this while it
    /// works, so this is how soon another server carries on a period whose server died.</summary>
    public double LeaseMinutes { get; set; } = 5;

    public RetryConfig Retry { get; set; } = new();
    public AccessConfig Access { get; set; } = new();
    public ProxyConfig Proxy { get; set; } = new();
    public List<SourceConfig> Sources { get; set; } = [];
    public ScorecardsConfig Scorecards { get; set; } = new();
    public QuickReportsConfig QuickReports { get; set; } = new();
    public AlertsConfig Alerts { get; set; } = new();
    public SqlPageConfig Sql { get; set; } = new();
}

/// <summary>The analysts' SQL page: how long one statement may run before it is stopped.</summary>
public sealed class SqlPageConfig
{
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Retries of a job step that failed for a passing reason (network, busy database), with exponential backoff.</summary>
public sealed class RetryConfig
{
    public int Attempts { get; set; } = 3;
    public double DelaySeconds { get; set; } = 10;
}

/// <summary>Who may do what: dashboards (optionally anyone), SQL and the jobs page (analyst), job control (admin).</summary>
public sealed class AccessConfig
{
    public bool AnonymousDashboards { get; set; } = true;
    public List<UserConfig> Users { get; set; } = [];
}

/// <summary>A person or script; the password is stored only as <c>iw serve hash-password</c> prints it.</summary>
public sealed class UserConfig
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

/// <summary>Running behind the organisation's reverse proxy: the path it publishes the app under and the
/// proxies whose X-Forwarded-* headers are believed.</summary>
public sealed class ProxyConfig
{
    public string? PathBase { get; set; }
    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>One source the pull job reads: a drop folder, filled by someone else or by pulling an HTTP endpoint.</summary>
public sealed class SourceConfig
{
    public string Name { get; set; } = "";

    /// <summary>onestop, pakn, digitization or targets.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Cron expression (seconds first, as Hangfire reads six fields), e.g. <c>0 0/30 7-18 ? * MON-FRI</c>.</summary>
    public string Cron { get; set; } = "0 0/30 7-18 ? * MON-FRI";

    public string Folder { get; set; } = "";
    public string Pattern { get; set; } = "*";
    public string? Profile { get; set; }

    /// <summary>A file younger than this may still be being copied in; it waits for the next run.</summary>
    public int SettleSeconds { get; set; } = 30;

    public HttpSourceConfig? Http { get; set; }
}

/// <summary>A paged JSON endpoint pulled into the source's folder before the folder is read.</summary>
public sealed class HttpSourceConfig
{
    public string Url { get; set; } = "";
    public string? AuthHeader { get; set; }

    /// <summary>The environment variable holding the header's value: secrets stay out of the file.</summary>
    public string? AuthValueEnv { get; set; }

    /// <summary>single, pages or next.</summary>
    public string Paging { get; set; } = "single";

    public string PageParameter { get; set; } = "page";
    public string SizeParameter { get; set; } = "size";
    public int PageSize { get; set; } = 500;
    public int FirstPage { get; set; } = 1;
    public string NextField { get; set; } = "next";
    public string? ItemsField { get; set; }
    public int MaxPages { get; set; } = 1000;
}

/// <summary>The month's scorecards, rendered once the month has closed, on <see cref="Day"/> of the next month or later.</summary>
public sealed class ScorecardsConfig
{
    public string Cron { get; set; } = "0 0 6 * * ?";
    public int Day { get; set; } = 5;

    /// <summary>Unit codes; empty means every current unit.</summary>
    public List<string> Units { get; set; } = [];
}

/// <summary>The daily quick reports (due before 16:00).</summary>
public sealed class QuickReportsConfig
{
    public string Cron { get; set; } = "0 30 15 ? * MON-FRI";
    public List<string> Units { get; set; } = [];
}

/// <summary>The daily alert digest: when it is sent, what counts as stale or missed, and to whom (SMTP).</summary>
public sealed class AlertsConfig
{
    public string Cron { get; set; } = "0 0 15 ? * MON-FRI";

    /// <summary>Per source, how many days its latest snapshot may be old before it is an alert.</summary>
    public Dictionary<string, int> MaxAgeDays { get; set; } = new() { ["onestop"] = 1, ["pakn"] = 7, ["digitization"] = 7 };

    /// <summary>Indicators whose target status (chưa đạt, nguy cơ) raises an alert.</summary>
    public List<string> Indicators { get; set; } = ["on_time_rate_766"];

    /// <summary>No SMTP section: the alerts are shown on the web page only.</summary>
    public SmtpConfig? Smtp { get; set; }
}

/// <summary>The organisation's mail relay; the password is read from the environment variable <see cref="PasswordEnv"/>.</summary>
public sealed class SmtpConfig
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public List<string> To { get; set; } = [];
    public bool EnableSsl { get; set; }
    public string? User { get; set; }
    public string? PasswordEnv { get; set; }
}
