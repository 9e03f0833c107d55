using System.Xml.Linq;
using Conformance.Trx;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxDocumentBuilderTests
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    [TestCase(nameof(TrxOutcome.Passed), "Passed")]
    [TestCase(nameof(TrxOutcome.Failed), "Failed")]
    [TestCase(nameof(TrxOutcome.NotExecuted), "NotExecuted")]
    [TestCase(nameof(TrxOutcome.Error), "Error")]
    [TestCase(nameof(TrxOutcome.Timeout), "Timeout")]
    [TestCase(nameof(TrxOutcome.Aborted), "Aborted")]
    public void Build_Outcome_WritesSchemaOutcome(string outcome, string expected)
    {
        var result = Single(Result(Enum.Parse<TrxOutcome>(outcome)));

        Assert.That(result.Attribute("outcome")?.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Build_MixedResults_CountsEachOutcome()
    {
        var results = new[]
        {
            Result(TrxOutcome.Passed, "N.C.A"), Result(TrxOutcome.Passed, "N.C.B"), Result(TrxOutcome.Failed, "N.C.C"),
            Result(TrxOutcome.Error, "N.C.D"), Result(TrxOutcome.Timeout, "N.C.E"), Result(TrxOutcome.Aborted, "N.C.F"),
            Result(TrxOutcome.NotExecuted, "N.C.G"), Result(TrxOutcome.NotExecuted, "N.C.H"),
        };

        var counters = TrxDocumentBuilder.Build(Run(), results).Descendants(Ns + "Counters").Single();

        Assert.That(
            string.Join(" ", counters.Attributes().Select(a => $"{a.Name}={a.Value}")),
            Is.EqualTo("total=8 executed=6 passed=2 failed=1 error=1 timeout=1 aborted=1 inconclusive=0 passedButRunAborted=0 " +
                       "notRunnable=0 notExecuted=2 disconnected=0 warning=0 completed=0 inProgress=0 pending=0"));
    }

    [Test]
    public void Build_PassedAndSkippedOnly_SummaryCompleted()
    {
        var document = TrxDocumentBuilder.Build(Run(), [Result(TrxOutcome.Passed, "N.C.A"), Result(TrxOutcome.NotExecuted, "N.C.B")]);

        Assert.That(document.Descendants(Ns + "ResultSummary").Single().Attribute("outcome")?.Value, Is.EqualTo("Completed"));
    }

    [TestCase(nameof(TrxOutcome.Failed))]
    [TestCase(nameof(TrxOutcome.Error))]
    [TestCase(nameof(TrxOutcome.Timeout))]
    [TestCase(nameof(TrxOutcome.Aborted))]
    public void Build_OneFailure_SummaryFailed(string failure)
    {
        var document = TrxDocumentBuilder.Build(Run(), [Result(TrxOutcome.Passed, "N.C.A"), Result(Enum.Parse<TrxOutcome>(failure), "N.C.B")]);

        Assert.That(document.Descendants(Ns + "ResultSummary").Single().Attribute("outcome")?.Value, Is.EqualTo("Failed"));
    }

    [Test]
    public void Build_Result_WritesDurationAndTimes()
    {
        var result = Single(Result(TrxOutcome.Passed, duration: TimeSpan.FromMilliseconds(1234.5678)));

        Assert.That(
            (result.Attribute("duration")?.Value, result.Attribute("startTime")?.Value, result.Attribute("endTime")?.Value),
            Is.EqualTo(("00:00:01.2345678", "2026-01-02T03:04:05.0000000+00:00", "2026-01-02T03:04:06.2345678+00:00")));
    }

    [Test]
    public void Build_Result_WritesIdsTypeListAndDirectory()
    {
        var sample = Result(TrxOutcome.Passed);

        var result = Single(sample);

        Assert.Multiple(() =>
        {
            Assert.That(result.Attribute("testId")?.Value, Is.EqualTo("5d94f55f-9f02-3218-b5a8-8cd61d463995"));
            Assert.That(result.Attribute("executionId")?.Value, Is.EqualTo(sample.ExecutionId.ToString()));
            Assert.That(result.Attribute("relativeResultsDirectory")?.Value, Is.EqualTo(sample.ExecutionId.ToString()));
            Assert.That(result.Attribute("testType")?.Value, Is.EqualTo("13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b"));
            Assert.That(result.Attribute("testListId")?.Value, Is.EqualTo("8c84fa94-04c1-424b-9868-57a2d4851a1d"));
            Assert.That(result.Attribute("computerName")?.Value, Is.EqualTo("build-01"));
            Assert.That(result.Attribute("testName")?.Value, Is.EqualTo("Method"));
        });
    }

    [Test]
    public void Build_SameTestTwice_OneDefinitionTwoResultsAndEntries()
    {
        var document = TrxDocumentBuilder.Build(Run(), [Result(TrxOutcome.Failed), Result(TrxOutcome.Passed)]);

        Assert.That(
            (document.Descendants(Ns + "UnitTest").Count(), document.Descendants(Ns + "UnitTestResult").Count(), document.Descendants(Ns + "TestEntry").Count()),
            Is.EqualTo((1, 2, 2)));
    }

    [Test]
    public void Build_Definition_NamesAssemblyClassAndMethod()
    {
        var document = TrxDocumentBuilder.Build(Run(), [Result(TrxOutcome.Passed)]);

        var method = document.Descendants(Ns + "TestMethod").Single();
        Assert.That(
            (method.Attribute("codeBase")?.Value, method.Attribute("className")?.Value, method.Attribute("name")?.Value, method.Attribute("adapterTypeName")?.Value),
            Is.EqualTo(("/repo/bin/Tests.dll", "Ns.Class", "Method", "executor://FakeFramework/9.9")));
    }

    [Test]
    public void Build_Run_WritesRunAttributesTimesAndStandardLists()
    {
        var root = TrxDocumentBuilder.Build(Run(), []).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(root.Name, Is.EqualTo(Ns + "TestRun"));
            Assert.That(root.Attribute("id")?.Value, Is.EqualTo("11111111-2222-3333-4444-555555555555"));
            Assert.That(root.Attribute("name")?.Value, Is.EqualTo("tester@build-01 2026-01-02 03:04:05"));
            Assert.That(root.Attribute("runUser")?.Value, Is.EqualTo("tester"));
            Assert.That(root.Element(Ns + "Times")?.Attribute("finish")?.Value, Is.EqualTo("2026-01-02T03:04:08.0000000+00:00"));
            Assert.That(
                root.Descendants(Ns + "TestList").Select(l => $"{l.Attribute("name")?.Value}={l.Attribute("id")?.Value}"),
                Is.EqualTo(new[] { "Results Not in a List=8c84fa94-04c1-424b-9868-57a2d4851a1d", "All Loaded Results=19431567-8539-422a-85d7-44ee4e166bda" }));
            Assert.That(
                root.Elements().Select(e => e.Name.LocalName),
                Is.EqualTo(new[] { "Times", "TestSettings", "Results", "TestDefinitions", "TestEntries", "TestLists", "ResultSummary" }));
        });
    }

    [Test]
    public void Build_Failure_PutsMessageAndStackTraceInErrorInfo()
    {
        var failed = Result(TrxOutcome.Failed) with { ErrorMessage = "expected 2", StackTrace = "at Ns.Class.Method()", StdOut = "log line" };

        var output = Single(failed).Element(Ns + "Output")!;

        Assert.That(
            (output.Element(Ns + "StdOut")?.Value, output.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value, output.Element(Ns + "ErrorInfo")?.Element(Ns + "StackTrace")?.Value),
            Is.EqualTo(("log line", "expected 2", "at Ns.Class.Method()")));
    }

    [Test]
    public void Build_SkippedWithReason_PutsReasonInErrorInfoMessage()
    {
        var skipped = Result(TrxOutcome.NotExecuted) with { ErrorMessage = "not today" };

        var errorInfo = Single(skipped).Element(Ns + "Output")?.Element(Ns + "ErrorInfo");

        Assert.That(
            (errorInfo?.Element(Ns + "Message")?.Value, errorInfo?.Element(Ns + "StackTrace")),
            Is.EqualTo(("not today", (XElement?)null)));
    }

    [Test]
    public void Build_PassedWithoutOutput_WritesNoOutputElement()
    {
        Assert.That(Single(Result(TrxOutcome.Passed)).Element(Ns + "Output"), Is.Null);
    }

    private static XElement Single(TrxTestResult result) =>
        TrxDocumentBuilder.Build(Run(), [result]).Descendants(Ns + "UnitTestResult").Single();
}
