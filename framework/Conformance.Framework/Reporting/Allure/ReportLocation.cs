using Conformance.Targets;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Where reports go. <c>conformance.allureResults</c> (env CONFORMANCE_CONFORMANCE_ALLURERESULTS) names the Allure results
/// folder; the default is <c>&lt;test results directory or current directory&gt;/allure-results</c>; <c>off</c> writes no
/// Allure files, and the scorecard then goes to the test results directory. <c>conformance.junit</c> names a JUnit XML file.
/// </summary>
public sealed record ReportLocation(string? AllureResults, string ScorecardDirectory)
{
    public const string Scope = "conformance";
    public const string Key = "allureResults";
    public const string JUnitKey = "junit";

    public bool AllureEnabled => AllureResults is not null;

    /// <summary>
    /// Where the last finished run's scorecard.json may be, in the order to look: beside this run's, then (Allure on) among
    /// the files set aside beside the results folder, where a run killed before its end left it.
    /// </summary>
    public IEnumerable<string> PreviousScorecards()
    {
        yield return Path.Combine(ScorecardDirectory, "scorecard.json");
        if (AllureResults is { } results)
        {
            yield return Path.Combine(AllureWriter.Discarded(results), "scorecard.json");
        }
    }

    /// <summary>
    /// The JUnit XML report's file (<c>conformance.junit</c>, relative to the test results directory), or null when the
    /// setting is absent or <c>off</c>.
    /// </summary>
    public string? JUnit { get; init; }

    /// <summary><c>conformance.sourceUrl</c>: the base address of the table files in the repository's web view, or null.</summary>
    public string? SourceUrl { get; init; }

    public static ReportLocation Resolve(SettingsSource settings, string? testResultsDirectory)
    {
        var baseDirectory = BaseDirectory(testResultsDirectory);
        var configured = settings.Get(Scope, Key)?.Trim();
        var junit = settings.Get(Scope, JUnitKey)?.Trim() is { Length: > 0 } file && !string.Equals(file, "off", StringComparison.OrdinalIgnoreCase)
            ? FullOrNull(file, baseDirectory)
            : null;
        var sourceUrl = settings.Get(Scope, "sourceUrl")?.Trim();
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return new ReportLocation(null, baseDirectory) { JUnit = junit, SourceUrl = sourceUrl };
        }

        // A setting that is no path (a control character in it) is CT0303 on every case (ReportPlaces); nothing goes there.
        var results = configured is null ? Path.Combine(baseDirectory, "allure-results") : FullOrNull(configured, baseDirectory);
        return new ReportLocation(results, results ?? baseDirectory) { JUnit = junit, SourceUrl = sourceUrl };
    }

    /// <summary>The folder relative report settings are taken from: the test results directory, else the current one.</summary>
    internal static string BaseDirectory(string? testResultsDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(testResultsDirectory) ? Directory.GetCurrentDirectory() : testResultsDirectory);

    /// <summary>The full path of a report setting, or null when it is no path.</summary>
    internal static string? FullOrNull(string path, string baseDirectory)
    {
        try
        {
            return Path.GetFullPath(path, baseDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
