using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;

namespace Conformance.Pact.Tests.Suites;

/// <summary>One case of a suites run, as its TRX reports it.</summary>
internal sealed record TrxCase(string Name, string Outcome, string Message, string StackTrace = "");

/// <summary>
/// Runs the built suites test app (suites/, a Microsoft.Testing.Platform app) as a process with the given
/// environment and a filter, writes its TRX and Allure results into <c>resultsFolder</c>, and reads the cases back.
/// </summary>
internal static class SuitesApp
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>suites/bin/{Configuration}/{tfm}/Conformance.Suites.dll of this build (the csproj bakes the path in).</summary>
    public static string Path => typeof(SuitesApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Conformance.SuitesApp").Value!;

    public static async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(string filter, string resultsFolder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path, "--filter", filter, "--results-directory", resultsFolder, "--report-trx", "--report-trx-filename", "run.trx", "--no-progress", "--ansi", "off" }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CONFORMANCE_CONFORMANCE_ALLURERESULTS"] = System.IO.Path.Combine(resultsFolder, "allure-results");
        start.Environment["PACT_DO_NOT_TRACK"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The suites app did not finish within {Limit}.");
        }

        var output = await stdout + await stderr;
        var trx = System.IO.Path.Combine(resultsFolder, "run.trx");
        var cases = File.Exists(trx)
            ? XDocument.Load(trx).Descendants(Trx + "UnitTestResult")
                .Select(r => new TrxCase((string)r.Attribute("testName")!, (string)r.Attribute("outcome")!, (string?)r.Descendants(Trx + "Message").FirstOrDefault() ?? string.Empty,
                    (string?)r.Descendants(Trx + "StackTrace").FirstOrDefault() ?? string.Empty))
                .ToList()
            : [];
        return (process.ExitCode, cases, output);
    }
}
