using System.Collections.Specialized;
using System.Text.Json;
using Quartz.Spi;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>What Quartz's persistent store asks to serialize: with <c>useProperties</c>, a job data map of strings as a
/// <see cref="NameValueCollection"/>, written as a JSON object. Quartz's serializer packages are not available here and
/// its built-in binary one needs BinaryFormatter, which .NET no longer has; this one refuses anything else (a calendar,
/// say) with a message saying so instead of storing something it could not read back.</summary>
public sealed class StringMapSerializer : IObjectSerializer
{
    public void Initialize() { }

    public byte[] Serialize<T>(T obj) where T : class => obj is NameValueCollection map
        ? JsonSerializer.SerializeToUtf8Bytes(map.AllKeys.ToDictionary(key => key ?? "", key => map[key]))
        : throw Unsupported(obj.GetType());

    public T DeSerialize<T>(byte[] data) where T : class
    {
        if (typeof(T) != typeof(NameValueCollection)) throw Unsupported(typeof(T));
        var map = new NameValueCollection();
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(data)
                     ?? throw new JsonException("The stored job data is JSON null, not an object."))
            map[key] = value;
        return (T)(object)map;
    }

    private static NotSupportedException Unsupported(Type type) => new(
        $"The scheduler stores only job data of strings (Quartz's useProperties); it cannot store a {type.FullName}.");
}
