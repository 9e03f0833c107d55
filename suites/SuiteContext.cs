using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>The run's shared state: contracts (loaded once, at discovery), settings, the run and its results.</summary>
public static class SuiteContext
{
    private static readonly Lazy<ContractSet> LazyContracts = new(Load);
    private static readonly Lazy<Dictionary<(string Api, string Id), StatusRow>> LazyRows = new(IndexRows);
    private static readonly System.Collections.Concurrent.ConcurrentQueue<CaseResult> ResultQueue = new();

    public static ContractSet Contracts => LazyContracts.Value;

    /// <summary>The cases that failed or broke in the previous run (its scorecard.json), read once at discovery.</summary>
    public static Reporting.Scorecard.LastFailed LastFailed => LazyLastFailed.Value;

    private static readonly Lazy<Reporting.Scorecard.LastFailed> LazyLastFailed = new(ReadLastFailed);

    private static Reporting.Scorecard.LastFailed ReadLastFailed()
    {
        try
        {
            return Reporting.Scorecard.LastFailed.Read(Reporting.Allure.ReportLocation.Resolve(Settings, ResultsRoot), [.. Contracts.Rows]);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Reporting.Scorecard.LastFailed.None; // a results folder setting that is no path: the reporting says so at the end
        }
    }

    public static SettingsSource Settings { get; } = new(name => TestContext.Parameters.Get(name), runParameterNames: () => TestContext.Parameters.Names)
    {
        Arguments = Environment.GetCommandLineArgs(),
    };

    /// <summary>
    /// One case per unknown setting (CT0305), found once at discovery: the cases show them, and the run's scorecard keeps
    /// the verdicts of those a filtered run left out.
    /// </summary>
    public static IReadOnlyList<InvalidEntry> SettingEntries => LazySettingEntries.Value;

    private static readonly Lazy<IReadOnlyList<InvalidEntry>> LazySettingEntries = new(() =>
        [.. SettingNames.Unknown(Settings, Contracts.Packs.Select(p => p.Pack).OfType<ApiPack>(), Contracts.Packs.Where(p => p.Pack is null).Select(p => p.Name))
            .Select(error => new InvalidEntry("settings", error.Location, [error]) { Kind = "setting" })]);

    private static readonly Lazy<PactSettings> LazyPactSettings = new(() => PactSettings.Read(Settings, Contracts.Packs.Select(p => p.Name)));
    private static readonly Lazy<(IReadOnlyList<PactTarget> Targets, IReadOnlyList<PactProblem> Problems)> LazyPactSources = new(() => PactDiscovery.Discover(PactSettings));

    public static ConformanceRun? Run { get; set; }

    public static PactSettings PactSettings => LazyPactSettings.Value;

    public static (IReadOnlyList<PactTarget> Targets, IReadOnlyList<PactProblem> Problems) PactSources => LazyPactSources.Value;

    public static IReadOnlyCollection<CaseResult> Results => ResultQueue;

    public static void Record(CaseResult result) => ResultQueue.Enqueue(result);

    /// <summary>Drops the run and its results once they are reported (see <see cref="RunSetup"/>).</summary>
    public static void Release()
    {
        ResultQueue.Clear();
        Run = null;
    }

    public static string ContractsFolder =>
        Settings.Get("conformance", "contracts")?.Trim() is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(RepoPaths.Root(), "contracts");

    /// <summary>Where reports go by default: &lt;repo&gt;/TestResults (beside the TRX of `dotnet test --results-directory TestResults`).</summary>
    public static string ResultsRoot => LazyResultsRoot.Value;

    public static string DisplayRoot => Path.GetDirectoryName(ContractsFolder.TrimEnd(Path.DirectorySeparatorChar))!;

    private static readonly Lazy<string> LazyResultsRoot = new(() =>
    {
        try
        {
            return Path.Combine(RepoPaths.Root(), "TestResults");
        }
        catch (DirectoryNotFoundException)
        {
            return TestContext.CurrentContext.WorkDirectory;
        }
    });

    /// <summary>The row a case runs, found in constant time (a scan per case made 10,000 rows quadratic).</summary>
    public static StatusRow Row(CaseKey key) => LazyRows.Value[(key.Api, key.RowId!)];

    private static Dictionary<(string Api, string Id), StatusRow> IndexRows()
    {
        var rows = new Dictionary<(string Api, string Id), StatusRow>();
        foreach (var row in Contracts.Rows)
        {
            rows.TryAdd((row.Api, row.Id), row);
        }

        return rows;
    }

    private static ContractSet Load() => PackLoader.LoadAll(ContractsFolder, DisplayRoot, Settings.FromItsOrigin);
}
