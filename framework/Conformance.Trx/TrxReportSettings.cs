using System.Reflection;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Services;

namespace Conformance.Trx;

/// <summary>What one run's report needs from the platform: on or off, where, under which name, for which assembly.</summary>
/// <param name="Enabled">True with <c>--report-trx</c> (and not merely listing tests).</param>
/// <param name="ResultsDirectory">The platform's results directory (<c>--results-directory</c>, default <c>TestResults</c>).</param>
/// <param name="FileName">The <c>--report-trx-filename</c> value, or null for the default name.</param>
/// <param name="AssemblyName">The test assembly's name (default file name).</param>
/// <param name="AssemblyPath">The test assembly's path (test definitions).</param>
internal sealed record TrxReportSettings(bool Enabled, string ResultsDirectory, string? FileName, string AssemblyName, string AssemblyPath)
{
    /// <summary>Reads the settings from the platform's services.</summary>
    public static TrxReportSettings FromServices(IServiceProvider services)
    {
        var options = services.GetCommandLineOptions();
        var enabled = options.IsOptionSet(TrxReportOptions.ReportTrx) && !options.IsOptionSet("list-tests");
        var fileName = options.TryGetOptionArgumentList(TrxReportOptions.FileName, out var arguments) && arguments.Length == 1
            ? arguments[0]
            : null;
        var assembly = Assembly.GetEntryAssembly();
        var name = assembly?.GetName().Name ?? "TestResults";
        var path = string.IsNullOrEmpty(assembly?.Location) ? Path.Combine(AppContext.BaseDirectory, name + ".dll") : assembly.Location;
        return new TrxReportSettings(enabled, services.GetConfiguration().GetTestResultDirectory(), fileName, name, path);
    }
}
