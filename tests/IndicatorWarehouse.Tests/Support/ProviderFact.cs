using Xunit.Abstractions;
using Xunit.Sdk;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A fact of a <see cref="WarehouseTests{TProvider}"/> class: runs on the class's provider, and is
/// reported skipped, with the reason, when that provider is not present here.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("IndicatorWarehouse.Tests.Support.ProviderFactDiscoverer", "IndicatorWarehouse.Tests")]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory of a <see cref="WarehouseTests{TProvider}"/> class, skipped as a whole like
/// <see cref="ProviderFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("IndicatorWarehouse.Tests.Support.ProviderTheoryDiscoverer", "IndicatorWarehouse.Tests")]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new ProviderTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderTestCase.SkipReasonOf(testMethod) is null
            ? base.Discover(options, testMethod, theoryAttribute)
            : [new ProviderTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>An xunit test case whose skip reason comes from the provider of its test class. It is computed
/// from the test method again after the runner de-serializes the case, so the case carries no extra state.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer only.")]
    public ProviderTestCase() { }

    public ProviderTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(sink, display, displayOptions, testMethod) { }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        SkipReasonOf(TestMethod) ?? base.GetSkipReason(factAttribute);

    public static string? SkipReasonOf(ITestMethod testMethod)
    {
        for (var type = testMethod.TestClass.Class.ToRuntimeType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(WarehouseTests<>))
                return ((WarehouseProvider)Activator.CreateInstance(type.GetGenericArguments()[0])!).SkipReason;
        throw new InvalidOperationException(
            $"{testMethod.TestClass.Class.Name} uses a provider test attribute but does not derive from WarehouseTests<TProvider>.");
    }
}
