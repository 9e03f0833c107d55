using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;

namespace Conformance.Trx;

/// <summary>Registers the Conformance TRX report with a Microsoft.Testing.Platform test application.</summary>
public static class TrxReportExtensions
{
    /// <summary>
    /// Adds <c>--report-trx</c> and <c>--report-trx-filename</c>, and the collector and writer behind them.
    /// Call once per builder (a second call registers the options twice, which the platform rejects).
    /// </summary>
    public static void AddConformanceTrxReport(this ITestApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var generator = new CompositeExtensionFactory<TrxReportGenerator>(TrxReportGenerator.Create);
        builder.TestHost.AddDataConsumer(generator);
        builder.TestHost.AddTestSessionLifetimeHandler(generator);
        builder.CommandLine.AddProvider(() => new TrxReportOptions());
    }
}
