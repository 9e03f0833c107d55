using System.Collections.Concurrent;
using System.Globalization;
using Conformance.Reporting.Scorecard;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Writes one Allure result (plus attachments) per case as cases finish, from any thread, and the run-level files
/// (environment, executor, categories, the scorecard, and each API's card as Allure 3 global attachments) once at the
/// end. It never fails a test: the first I/O error is reported on stderr and kept, with the count of the writes that
/// failed, as <see cref="Problem"/>, which the suites report as one failing case at the end of the run.
/// </summary>
public sealed class AllureWriter
{
    private static readonly string[] OwnFiles = ["*-result.json", "*-container.json", "*-globals.json", "*-attachment.*", "environment.properties", "executor.json", "categories.json", "scorecard.md", "scorecard.json"];
    private static readonly string ProcessAtHost = $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}@{Environment.MachineName}";
    private readonly ReportScope scope;
    private readonly ReportLocation location;
    private readonly TimeProvider time;
    private readonly Func<string, string?> env;
    private readonly Func<string?> gitHead;
    private readonly TextWriter errors;
    private readonly ConcurrentQueue<CaseResult> results = new();
    private readonly AllureResultBuilder builder;
    private readonly Lazy<bool> prepared;
    private readonly Lazy<bool> staleRemoved;
    private readonly List<string> runFiles = [];
    private Baseline? previousVerdicts;
    private ResultFiles files = new([]);
    private int failedWrites;
    private string? firstFailure;
    private int finished;

    public AllureWriter(ReportScope scope, ReportLocation location, TimeProvider? time = null, Func<string, string?>? env = null, Func<string?>? gitHead = null, TextWriter? errors = null)
    {
        this.scope = scope;
        this.location = location;
        this.time = time ?? TimeProvider.System;
        this.env = env ?? Environment.GetEnvironmentVariable;
        this.gitHead = gitHead ?? EnvironmentInfo.GitHead;
        this.errors = errors ?? Console.Error;
        builder = new AllureResultBuilder(scope with { SourceUrl = scope.SourceUrl ?? location.SourceUrl ?? SourceLinks.FromCi(this.env) }, Environment.MachineName);
        prepared = new Lazy<bool>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
        staleRemoved = new Lazy<bool>(RemoveStale, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ReportLocation Location => location;

    /// <summary>Records the case for the scorecard and writes its Allure files.</summary>
    public void Write(CaseResult result)
    {
        _ = staleRemoved.Value;
        results.Enqueue(result);
        if (location.AllureEnabled)
        {
            Guard(() =>
            {
                var thread = $"{ProcessAtHost}.{Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture)}";
                WriteCase(builder.Build(result, thread));
            });
        }
    }

    /// <summary>
    /// Null while every write succeeded; else what failed: how many writes, the first one's error, and what to do.
    /// </summary>
    public string? Problem => firstFailure is { } first
        ? $"Reports incomplete: {Plural(Volatile.Read(ref failedWrites))} of the run's reports failed, the first: {first}. The cases ran and their verdicts stand, but the Allure results, the scorecard or the JUnit report are missing or partial. Fix: check that {location.AllureResults ?? location.ScorecardDirectory}{(location.JUnit is { } junit ? $" and {junit}" : string.Empty)} can be written (free space, permissions), or set {ReportLocation.Scope}.{ReportLocation.Key}=off."
        : null;

    /// <summary>The run-level report files <see cref="Finish"/> wrote (scorecard.md, scorecard.json, the JUnit report; full paths).</summary>
    public IReadOnlyList<string> RunFiles => runFiles;

    /// <summary>Writes the run-level files and the scorecard; runs once, later calls do nothing.</summary>
    public void Finish()
    {
        if (Interlocked.Exchange(ref finished, 1) == 1)
        {
            return;
        }

        if (location.AllureEnabled)
        {
            _ = prepared.Value;
        }

        // The previous run's verdicts: read when its files were set aside (they are reused for this run's files), or,
        // with Allure off, from its scorecard still in place.
        var previous = location.AllureEnabled ? previousVerdicts : PreviousVerdicts();
        var card = ScorecardBuilder.Build(scope.Packs, scope.Rows, [.. results], previous, scope.Targets(), scope.DryRun, scope.Invalid, scope.Interactions) with { DryRun = scope.DryRun };
        if (location.JUnit is { } junit)
        {
            Guard(() =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(junit)!);
                File.WriteAllText(junit, JUnit.JUnitReport.Render(results, scope.Redactor));
                runFiles.Add(junit);
            });
        }

        // The scorecard and the JUnit report were the last use of the results: let them go before the test platform
        // builds its own end-of-run report (bench/README.md, peak memory).
        results.Clear();
        Guard(() =>
        {
            Directory.CreateDirectory(location.ScorecardDirectory);
            var markdown = Path.Combine(location.ScorecardDirectory, "scorecard.md");
            var json = Path.Combine(location.ScorecardDirectory, "scorecard.json");
            var text = ScorecardMarkdown.Render(card);
            File.WriteAllText(markdown, text);
            File.WriteAllText(json, ScorecardJson.Render(card));
            runFiles.InsertRange(0, [markdown, json]);
            JobSummary.Append(env, text, markdown);
        });
        if (!location.AllureEnabled)
        {
            return;
        }

        Guard(() =>
        {
            var dir = location.AllureResults!;
            if (prepared.Value)
            {
                File.WriteAllText(Path.Combine(dir, "environment.properties"), EnvironmentInfo.Properties(EnvironmentInfo.Entries(scope, env, gitHead)));
                File.WriteAllText(Path.Combine(dir, "executor.json"), ExecutorInfo.Detect(env, Environment.MachineName).Json());
                File.WriteAllText(Path.Combine(dir, "categories.json"), AllureCategories.Json());
                if (ScorecardGlobals.Build(card, time.GetUtcNow(), scope.Redactor) is { } globals)
                {
                    WriteGlobals(globals);
                }
            }

            var discarded = Discarded(dir);
            if (Directory.Exists(discarded))
            {
                Directory.Delete(discarded, recursive: true);
            }
        });
    }

    private void WriteCase(AllureCase allure)
    {
        if (!prepared.Value)
        {
            return;
        }

        var dir = location.AllureResults!;
        foreach (var (reference, file) in allure.Files)
        {
            WriteText(Path.Combine(dir, reference.Source), file.Content);
        }

        files.Write(Path.Combine(dir, $"{allure.Result.Uuid}-result.json"), stream => AllureJson.Serialize(stream, allure.Result));
    }

    private void WriteGlobals(AllureGlobalsFile globals)
    {
        var dir = location.AllureResults!;
        foreach (var (reference, file) in globals.Files)
        {
            WriteText(Path.Combine(dir, reference.Source), file.Content);
        }

        files.Write(Path.Combine(dir, $"{Guid.NewGuid():D}-globals.json"), stream => AllureJson.Serialize(stream, globals.Globals));
    }

    private void WriteText(string path, string content) => files.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        writer.Write(content);
    });

    /// <summary>
    /// Creates the folder and moves the files an earlier run left (only the kinds this writer produces) into a sibling
    /// folder, where this run's files are taken from (<see cref="ResultFiles"/>) and whose surplus <see cref="Finish"/>
    /// deletes. Deleting them first made every file this run creates slow: ext4 skips inodes freed in the last ~30 s one
    /// by one (`recently_deleted`), 7 s of kernel time at 10,000 rows (bench/README.md).
    /// </summary>
    private bool Prepare()
    {
        var ok = false;
        Guard(() =>
        {
            var dir = Directory.CreateDirectory(location.AllureResults!);

            // A run killed before its Finish left no scorecard here; the last finished run's waits among the set-aside files.
            previousVerdicts = PreviousVerdicts();
            var old = OwnFiles.SelectMany(pattern => dir.EnumerateFiles(pattern)).ToList();
            var discarded = old.Count > 0 ? SetAside(dir.FullName) : null;
            foreach (var file in old)
            {
                if (discarded is null)
                {
                    file.Delete();
                }
                else
                {
                    file.MoveTo(Path.Combine(discarded, file.Name), overwrite: true);
                }
            }

            // The scorecard set aside is never reused for a result: it stays the baseline until this run writes its own.
            files = new ResultFiles(discarded is null ? [] : Directory.EnumerateFiles(discarded).Where(f => !Path.GetFileName(f).StartsWith("scorecard.", StringComparison.Ordinal)));

            ok = true;
        });
        return ok;
    }

    /// <summary>
    /// Deletes the JUnit report an earlier run left where this run writes its own, so a run killed before its Finish leaves
    /// none rather than the earlier night's, which a CI system would publish as this night's. With Allure off (no results
    /// folder to set the earlier files aside in) the same for its scorecard.md; its scorecard.json stays, the baseline
    /// the next finished run compares with.
    /// </summary>
    private bool RemoveStale()
    {
        Guard(() =>
        {
            var stale = new[] { location.JUnit, location.AllureEnabled ? null : Path.Combine(location.ScorecardDirectory, "scorecard.md") };
            foreach (var file in stale.OfType<string>().Where(File.Exists))
            {
                File.Delete(file);
            }
        });
        return true;
    }

    /// <summary>The folder beside the results that takes the earlier run's files, or null when the parent folder is not writable (they are deleted then).</summary>
    private static string? SetAside(string resultsFolder)
    {
        try
        {
            return Directory.CreateDirectory(Discarded(resultsFolder)).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Where an earlier run's files wait until this run has written its own: beside the results folder.</summary>
    /// <summary>The verdicts of the first previous scorecard.json that gives some (<see cref="ReportLocation.PreviousScorecards"/>).</summary>
    private Baseline? PreviousVerdicts() => location.PreviousScorecards().Select(ScorecardJson.ReadVerdicts).FirstOrDefault(b => b is not null);

    private static string Plural(int count) => count == 1 ? "1 write" : $"{count.ToString(CultureInfo.InvariantCulture)} writes";

    internal static string Discarded(string resultsFolder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(resultsFolder)) + ".discarded";

    private void Guard(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // Reporting must never fail a test; the first error is shown, the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (Interlocked.Increment(ref failedWrites) == 1)
            {
                firstFailure = $"{ex.GetType().Name}: {ex.Message.TrimEnd('.')}";
                errors.WriteLine($"Conformance reporting: could not write to {location.AllureResults ?? location.ScorecardDirectory}: {ex.GetType().Name}: {ex.Message}. The tests go on; the report will be incomplete. Fix: check the folder is writable, or set {ReportLocation.Scope}.{ReportLocation.Key}=off.");
            }
        }
    }
}
