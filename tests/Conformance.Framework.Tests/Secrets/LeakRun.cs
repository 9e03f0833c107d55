using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// Runs a pack of <c>Secrets/Packs</c> against a hostile target and collects everything the run writes: each case's
/// message, curl line, check messages and details, every Allure, scorecard and JUnit file, and what it wrote to the console.
/// </summary>
internal static class LeakRun
{
    public static async Task<LeakOutcome> RunAsync(string pack, Func<HostileExchange, Task> target, IReadOnlyDictionary<string, string> settings)
    {
        await using var server = HostileServer.Start(target);
        using var console = new ConsoleCapture();
        var loaded = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Secrets", "Packs", pack), AppContext.BaseDirectory);
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        var values = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        values[$"{pack}.baseUrl"] = values.TryGetValue($"{pack}.baseUrl", out var url) ? url.Replace("{server}", server.BaseUri.Authority, StringComparison.Ordinal) : server.BaseUri.ToString();
        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        var results = await Task.WhenAll(loaded.Rows.Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
        var folder = Path.Combine(Path.GetTempPath(), "conformance-leak-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new AllureWriter(ReportScope.From(run), new ReportLocation(folder, folder) { JUnit = Path.Combine(folder, "junit.xml") });
            foreach (var result in results)
            {
                writer.Write(result);
            }

            writer.Finish();
            var files = Directory.GetFiles(folder).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
            return new LeakOutcome(results, [.. results.SelectMany(Texts), .. files, ("console", console.Text)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<(string Where, string Text)> Texts(CaseResult result) =>
        new[] { ("message", result.Message), ("curl", result.Curl ?? string.Empty) }
            .Concat(result.Checks.Select(c => ($"check {c.CheckId}", string.Join(Environment.NewLine, c.Details.Prepend(c.Message)))));
}

/// <summary>A run's results and every text it wrote, named by where it went.</summary>
internal sealed record LeakOutcome(IReadOnlyList<CaseResult> Results, IReadOnlyList<(string Where, string Text)> Artifacts)
{
    /// <summary>Each line of an artifact that holds <paramref name="secret"/>, prefixed with where it was written.</summary>
    public IEnumerable<string> Leaks(string secret) =>
        Artifacts.SelectMany(a => a.Text.Split('\n').Where(l => l.Contains(secret, StringComparison.Ordinal)).Select(l => $"{a.Where}: {l.Trim()}"));

    /// <summary>Every artifact line, for asserting what a masked text reads.</summary>
    public IEnumerable<string> Lines => Artifacts.SelectMany(a => a.Text.Split('\n').Select(l => l.Trim()));
}

/// <summary>What is written to the console (standard output and error) while it lives; the writers before it are put back when it is disposed.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter output = Console.Out;
    private readonly TextWriter error = Console.Error;
    private readonly StringWriter captured = new();

    public ConsoleCapture()
    {
        var shared = TextWriter.Synchronized(captured);
        Console.SetOut(shared);
        Console.SetError(shared);
    }

    public string Text => captured.ToString();

    public void Dispose()
    {
        Console.SetOut(output);
        Console.SetError(error);
        captured.Dispose();
    }
}
