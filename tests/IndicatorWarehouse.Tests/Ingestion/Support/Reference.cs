using IndicatorWarehouse.Ingestion.Profiles;

namespace IndicatorWarehouse.Tests.Ingestion.Support;

/// <summary>The shipped reference files as copied beside the test binaries.</summary>
public static class Reference
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "reference");

    public static string Sample(string name) => Path.Combine(Directory, "samples", name);

    public static ProfileCatalog Profiles { get; } = ProfileCatalog.Load(Path.Combine(Directory, "profiles"));

    /// <summary>A profile written inline by a test.</summary>
    public static MappingProfile Profile(string yaml) => ProfileCatalog.Parse(new StringReader(yaml), "test profile");
}
