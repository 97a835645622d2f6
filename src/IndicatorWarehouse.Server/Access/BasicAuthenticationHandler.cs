using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using IndicatorWarehouse.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IndicatorWarehouse.Server.Access;

/// <summary>HTTP Basic authentication against the users of the configuration. Browsers ask for the password
/// themselves and scripts pass <c>-u name:password</c>; behind the reverse proxy the connection is TLS.</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessConfig access, VerifiedCredentials verified,
    SignInThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return Task.FromResult(AuthenticateResult.NoResult());

        string name, password;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':');
            if (colon < 0) return Task.FromResult(AuthenticateResult.Fail("malformed credentials"));
            (name, password) = (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed credentials"));
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (throttle.WaitFor(name, address) is { } wait)
        {
            Context.Items[RetryAfterKey] = wait;
            Logger.LogWarning("Đăng nhập bị tạm chặn / sign-in throttled: user {User} from {Address}, {Seconds} s left", name, address, (int)wait.TotalSeconds);
            return Task.FromResult(AuthenticateResult.Fail("throttled"));
        }
        var user = access.Users.FirstOrDefault(u => u.Name == name);
        // An unknown user costs the same hash as a known one: the time taken does not tell which names exist.
        var passed = verified.Check(header.Parameter, () => PasswordHash.Verify(password, user?.PasswordHash ?? SignInThrottle.Decoy));
        if (!passed || user is null)
        {
            throttle.Failed(name, address);
            Logger.LogWarning("Đăng nhập thất bại / sign-in failed: user {User} from {Address}", name, address);
            return Task.FromResult(AuthenticateResult.Fail("unknown user or wrong password"));
        }
        throttle.Succeeded(name, address);

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private const string RetryAfterKey = "iw.retry-after";

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterKey] is TimeSpan wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.ContentType = "text/plain; charset=utf-8";
            return Response.WriteAsync("Đăng nhập sai quá nhiều lần (429): hãy thử lại sau ít phút.");
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"IndicatorWarehouse\", charset=\"UTF-8\"";
        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync("Cần đăng nhập (401): trang này dành cho người dùng được cấp quyền.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync("Không đủ quyền (403): tài khoản này không được phép thực hiện thao tác này.");
    }
}

/// <summary>Remembers credentials that passed for a few minutes: a browser sends them with every request, and the
/// deliberately slow password hash would otherwise be paid on each page.</summary>
internal sealed class VerifiedCredentials(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _passed = new();

    public bool Check(string credentials, Func<bool> verify)
    {
        // Keyed by a hash so that no password is kept in memory longer than the request.
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(credentials)));
        var now = clock.GetUtcNow();
        if (_passed.TryGetValue(key, out var until) && until > now) return true;
        if (!verify()) return false;
        if (_passed.Count > 1000) _passed.Clear();
        _passed[key] = now + Lifetime;
        return true;
    }
}
