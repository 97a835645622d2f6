namespace IndicatorWarehouse.Ingestion.Http;

/// <summary>A snapshot could not be pulled from its HTTP source; nothing was written to the drop folder.</summary>
public sealed class HttpSourceException(string message, Exception? inner = null) : Exception(message, inner);
