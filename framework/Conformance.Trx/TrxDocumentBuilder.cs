using System.Globalization;
using System.Xml.Linq;

namespace Conformance.Trx;

/// <summary>
/// Builds the TRX document (VS TeamTest 2010 schema) of a run from its finished tests: pure, no I/O, no clock.
/// Every text goes through <see cref="TrxText.Clean"/>, so any test name or message can be written.
/// </summary>
internal static class TrxDocumentBuilder
{
    /// <summary>The TRX namespace.</summary>
    public static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The document for <paramref name="run"/> with one result per entry of <paramref name="results"/>, in order.</summary>
    public static XDocument Build(TrxRun run, IReadOnlyList<TrxTestResult> results)
    {
        var counters = TrxCounters.From(results);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Ns + "TestRun",
                Attr("id", run.Id),
                Attr("name", run.Name),
                Attr("runUser", run.User),
                Times(run),
                Settings(run),
                new XElement(Ns + "Results", results.Select(r => TrxResultElements.Result(r, run))),
                new XElement(Ns + "TestDefinitions", results.DistinctBy(r => r.TestId).Select(r => TrxResultElements.Definition(r, run))),
                new XElement(Ns + "TestEntries", results.Select(TrxResultElements.Entry)),
                TestLists(),
                Summary(counters)));
    }

    /// <summary>An attribute with XML-safe text.</summary>
    internal static XAttribute Attr(string name, object value) =>
        new(name, TrxText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture)));

    private static XElement Times(TrxRun run) => new(
        Ns + "Times",
        Attr("creation", TrxText.Time(run.Started)),
        Attr("queuing", TrxText.Time(run.Started)),
        Attr("start", TrxText.Time(run.Started)),
        Attr("finish", TrxText.Time(run.Finished)));

    private static XElement Settings(TrxRun run) => new(
        Ns + "TestSettings",
        Attr("name", "default"),
        Attr("id", TrxIds.ForTest("TestSettings:" + run.Id.ToString())),
        new XElement(Ns + "Deployment", Attr("runDeploymentRoot", DeploymentRoot(run))));

    private static XElement TestLists() => new(
        Ns + "TestLists",
        new XElement(Ns + "TestList", Attr("name", "Results Not in a List"), Attr("id", TrxIds.ResultsNotInAList)),
        new XElement(Ns + "TestList", Attr("name", "All Loaded Results"), Attr("id", TrxIds.AllLoadedResults)));

    private static XElement Summary(TrxCounters c) => new(
        Ns + "ResultSummary",
        Attr("outcome", c.AnyFailed ? "Failed" : "Completed"),
        new XElement(
            Ns + "Counters",
            Attr("total", c.Total),
            Attr("executed", c.Executed),
            Attr("passed", c.Passed),
            Attr("failed", c.Failed),
            Attr("error", c.Error),
            Attr("timeout", c.Timeout),
            Attr("aborted", c.Aborted),
            Attr("inconclusive", 0),
            Attr("passedButRunAborted", 0),
            Attr("notRunnable", 0),
            Attr("notExecuted", c.NotExecuted),
            Attr("disconnected", 0),
            Attr("warning", 0),
            Attr("completed", 0),
            Attr("inProgress", 0),
            Attr("pending", 0)));

    // vstest's convention: user_machine_yyyy-MM-dd_HH_mm_ss, with characters that are odd in folder names replaced.
    private static string DeploymentRoot(TrxRun run)
    {
        var root = string.Create(CultureInfo.InvariantCulture, $"{run.User}_{run.ComputerName}_{run.Started.UtcDateTime:yyyy-MM-dd_HH_mm_ss}");
        return string.Concat(root.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
    }
}
