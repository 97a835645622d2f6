using System.Collections.Concurrent;

namespace IndicatorWarehouse.Server.Access;

/// <summary>Slows password guessing: after <see cref="FreeFailures"/> failed sign-ins for one user name (or
/// <see cref="FreeAddressFailures"/> from one address: behind a reverse proxy many people share one), further attempts
/// are refused without checking the password for a delay that doubles with each failure (1 s, 2 s, 4 s … up to
/// <see cref="MaxDelay"/>). A success clears the user's and the address's count.</summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 3, FreeAddressFailures = 10;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A hash checked for unknown user names, so that they cost the same time as known ones.</summary>
    public static readonly string Decoy = PasswordHash.Create(Guid.NewGuid().ToString("N"));

    private sealed record Failures(int Count, DateTimeOffset Until);
    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    /// <summary>How long the user or address must still wait; null when it may try now.</summary>
    public TimeSpan? WaitFor(string user, string address)
    {
        var now = clock.GetUtcNow();
        var until = new[] { Key("user", user), Key("address", address) }
            .Select(k => _failures.TryGetValue(k, out var f) ? f.Until : DateTimeOffset.MinValue).Max();
        return until > now ? until - now : null;
    }

    public void Failed(string user, string address)
    {
        if (_failures.Count > 10_000) _failures.Clear(); // a flood of made-up names must not grow memory without end
        _failures.AddOrUpdate(Key("user", user), _ => Next(0, FreeFailures), (_, f) => Next(f.Count, FreeFailures));
        _failures.AddOrUpdate(Key("address", address), _ => Next(0, FreeAddressFailures), (_, f) => Next(f.Count, FreeAddressFailures));
    }

    public void Succeeded(string user, string address)
    {
        _failures.TryRemove(Key("user", user), out _);
        _failures.TryRemove(Key("address", address), out _);
    }

    private Failures Next(int count, int free)
    {
        var failures = count + 1;
        var delay = failures <= free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, failures - free - 1)));
        return new Failures(failures, clock.GetUtcNow() + delay);
    }

    private static string Key(string kind, string value) => kind + ":" + value;
}
