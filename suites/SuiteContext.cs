using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>The run's shared state: contracts (loaded once, at discovery), settings, the run and its results.</summary>
public static class SuiteContext
{
    private static readonly Lazy<ContractSet> LazyContracts = new(Load);
    private static readonly System.Collections.Concurrent.ConcurrentQueue<CaseResult> ResultQueue = new();

    public static ContractSet Contracts => LazyContracts.Value;

    public static SettingsSource Settings { get; } = new(name => TestContext.Parameters.Get(name));

    private static readonly Lazy<PactSettings> LazyPactSettings = new(() => PactSettings.Read(Settings, Contracts.Packs.Select(p => p.Name)));
    private static readonly Lazy<(IReadOnlyList<PactTarget> Targets, IReadOnlyList<PactProblem> Problems)> LazyPactSources = new(() => PactDiscovery.Discover(PactSettings));

    public static ConformanceRun? Run { get; set; }

    public static PactSettings PactSettings => LazyPactSettings.Value;

    public static (IReadOnlyList<PactTarget> Targets, IReadOnlyList<PactProblem> Problems) PactSources => LazyPactSources.Value;

    public static IReadOnlyCollection<CaseResult> Results => ResultQueue;

    public static void Record(CaseResult result) => ResultQueue.Enqueue(result);

    public static string ContractsFolder =>
        Settings.Get("conformance", "contracts") is { } configured ? Path.GetFullPath(configured) : Path.Combine(RepoPaths.Root(), "contracts");

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

    private static ContractSet Load() => PackLoader.LoadAll(ContractsFolder, DisplayRoot);
}
