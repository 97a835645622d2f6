namespace IndicatorWarehouse.Tests.Support;

/// <summary>Waits for something that happens in the background (a scheduler firing, a server taking over) by reading it
/// again until it holds, with a deadline generous enough for a loaded machine: a test asserts what happened, never how
/// fast.</summary>
public static class Eventually
{
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (holds(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not so after {limit.TotalSeconds:0} s: {what}.");
            await Task.Delay(200);
        }
    }
}
