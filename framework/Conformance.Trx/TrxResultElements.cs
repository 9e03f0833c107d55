using System.Xml.Linq;
using static Conformance.Trx.TrxDocumentBuilder;

namespace Conformance.Trx;

/// <summary>The per-test parts of a TRX document: <c>UnitTestResult</c>, <c>UnitTest</c> definition and <c>TestEntry</c>.</summary>
internal static class TrxResultElements
{
    /// <summary>The <c>UnitTestResult</c>, with <c>Output</c> (StdOut, StdErr, ErrorInfo) when the test left any.</summary>
    public static XElement Result(TrxTestResult r, TrxRun run) => new(
        Ns + "UnitTestResult",
        Attr("executionId", r.ExecutionId),
        Attr("testId", r.TestId),
        Attr("testName", r.DisplayName),
        Attr("computerName", run.ComputerName),
        Attr("duration", TrxText.Duration(r.Duration)),
        Attr("startTime", TrxText.Time(r.StartTime)),
        Attr("endTime", TrxText.Time(r.EndTime)),
        Attr("testType", TrxIds.UnitTestType),
        Attr("outcome", r.Outcome),
        Attr("testListId", TrxIds.ResultsNotInAList),
        Attr("relativeResultsDirectory", r.ExecutionId),
        Output(r));

    /// <summary>The <c>UnitTest</c> definition: where the test lives and how it was run.</summary>
    public static XElement Definition(TrxTestResult r, TrxRun run) => new(
        Ns + "UnitTest",
        Attr("name", r.DisplayName),
        Attr("storage", run.AssemblyPath),
        Attr("id", r.TestId),
        new XElement(Ns + "Execution", Attr("id", r.ExecutionId)),
        new XElement(
            Ns + "TestMethod",
            Attr("codeBase", run.AssemblyPath),
            Attr("adapterTypeName", r.AdapterTypeName),
            Attr("className", r.ClassName),
            Attr("name", r.MethodName)));

    /// <summary>The <c>TestEntry</c> tying the result to its definition and list.</summary>
    public static XElement Entry(TrxTestResult r) => new(
        Ns + "TestEntry",
        Attr("testId", r.TestId),
        Attr("executionId", r.ExecutionId),
        Attr("testListId", TrxIds.ResultsNotInAList));

    private static XElement? Output(TrxTestResult r)
    {
        var children = new[]
        {
            Text("StdOut", r.StdOut),
            Text("StdErr", r.StdErr),
            ErrorInfo(r),
        }.OfType<XElement>().ToList();
        return children.Count == 0 ? null : new XElement(Ns + "Output", children);
    }

    private static XElement? ErrorInfo(TrxTestResult r)
    {
        var message = Text("Message", r.ErrorMessage);
        var stackTrace = Text("StackTrace", r.StackTrace);
        return message is null && stackTrace is null ? null : new XElement(Ns + "ErrorInfo", message, stackTrace);
    }

    private static XElement? Text(string name, string? text) =>
        string.IsNullOrEmpty(text) ? null : new XElement(Ns + name, TrxText.Clean(text));
}
