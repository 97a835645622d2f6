namespace IndicatorWarehouse.Ingestion.Http;

/// <summary>A snapshot could not be pulled from its HTTP source; nothing was written to the drop folder.
/// <see cref="Transient"/>: the source was unreachable or busy, so the same pull may succeed later; otherwise the
/// source answered with something that will not change by asking again (refused credentials, not JSON).</summary>
public sealed class HttpSourceException(string message, Exception? inner = null, bool transient = false) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
