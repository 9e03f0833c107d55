using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;

namespace Conformance.Trx;

/// <summary>
/// The command-line options: <c>--report-trx</c> turns the report on, <c>--report-trx-filename &lt;name&gt;.trx</c> names
/// the file. Same names as Microsoft's TRX extension, so commands stay portable.
/// </summary>
internal sealed class TrxReportOptions : ICommandLineOptionsProvider
{
    /// <summary>Turns the TRX report on (no argument).</summary>
    public const string ReportTrx = "report-trx";

    /// <summary>The report's file name (one argument; only with <see cref="ReportTrx"/>).</summary>
    public const string FileName = "report-trx-filename";

    /// <summary>The error when the file name comes without the switch.</summary>
    public const string FileNameWithoutReport = "--report-trx-filename only applies together with --report-trx: add --report-trx or drop --report-trx-filename.";

    public string Uid => "Conformance.Trx.Options";

    public string Version => TrxReportGenerator.ExtensionVersion;

    public string DisplayName => "Conformance TRX report options";

    public string Description => "Command-line options of the Conformance TRX report.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
    [
        new(ReportTrx, "Write a TRX report of the run into the results directory (--results-directory).", ArgumentArity.Zero, false),
        new(FileName, "The TRX report's file name, a plain name ending in .trx (default: <assembly>_<yyyyMMddHHmmss>.trx). Needs --report-trx.", ArgumentArity.ExactlyOne, false),
    ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) =>
        commandOption.Name == FileName && arguments.Length == 1 && TrxFileNames.Validate(arguments[0]) is { } error
            ? ValidationResult.InvalidTask(error)
            : ValidationResult.ValidTask;

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) =>
        commandLineOptions.IsOptionSet(FileName) && !commandLineOptions.IsOptionSet(ReportTrx)
            ? ValidationResult.InvalidTask(FileNameWithoutReport)
            : ValidationResult.ValidTask;
}
