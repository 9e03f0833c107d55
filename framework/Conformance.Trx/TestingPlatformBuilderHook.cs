using Microsoft.Testing.Platform.Builder;

namespace Conformance.Trx;

/// <summary>
/// The self-registration entry point that Microsoft.Testing.Platform.MSBuild calls from the generated
/// <c>SelfRegisteredExtensions</c> when a test project declares the item
/// <c>&lt;TestingPlatformBuilderHook Include="CE04FD3B-7C25-4DEB-9911-5FF9A3454E34" DisplayName="Conformance TRX report" TypeFullName="Conformance.Trx.TestingPlatformBuilderHook" /&gt;</c>
/// (see build/Conformance.Trx.props).
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds the Conformance TRX report to <paramref name="builder"/>.</summary>
    public static void AddExtensions(ITestApplicationBuilder builder, string[] _) => builder.AddConformanceTrxReport();
}
