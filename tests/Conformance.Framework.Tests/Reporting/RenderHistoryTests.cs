using System.Diagnostics;
using Conformance.Engine;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// report/history.mjs, which report/render.sh and allurerc.mjs use so that one results folder rendered twice (the multi-file
/// report, then --single-file) is one night in Allure's history, not two. Runs it with node, as render.sh does.
/// </summary>
public sealed class RenderHistoryTests
{
    private const string NightOne = "{\"uuid\":\"night-1\",\"name\":\"Conformance\",\"timestamp\":1}";
    private const string NightTwo = "{\"uuid\":\"night-2\",\"name\":\"Conformance\",\"timestamp\":2}";
    private string dir = string.Empty;

    private string Results => Path.Combine(dir, "allure-results");

    private string History => Path.Combine(dir, "history");

    [SetUp]
    public void SetUp()
    {
        dir = ReportFixture.TempDir();
        Directory.CreateDirectory(Results);
        Directory.CreateDirectory(History);
        File.WriteAllText(Path.Combine(Results, "0b3c-result.json"), "{}");
        File.WriteAllText(Path.Combine(Results, "7f21-result.json"), "{}");
        File.WriteAllText(Path.Combine(History, "history.jsonl"), NightOne + "\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, true);

    [Test]
    public void Options_FirstRenderOfAResultsFolder_AppendsToTheHistory()
    {
        Assert.That(Node("options"), Is.EqualTo($"{{\"historyPath\":\"{History}/history.jsonl\",\"appendHistory\":true}}"));
    }

    [Test]
    public void Options_SameResultsRenderedAgain_ReadsTheHistoryBeforeTheirFirstRenderAndAppendsNothing()
    {
        Node("options");
        File.AppendAllText(Path.Combine(History, "history.jsonl"), NightTwo + "\n"); // what allure generate appended
        Node("record");

        var again = Node("options");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo($"{{\"historyPath\":\"{History}/rerender.jsonl\",\"appendHistory\":false}}"));
            Assert.That(File.ReadAllText(Path.Combine(History, "rerender.jsonl")), Is.EqualTo(NightOne + "\n"));
            Assert.That(File.ReadAllText(Path.Combine(History, "history.jsonl")), Is.EqualTo(NightOne + "\n" + NightTwo + "\n"));
        });
    }

    [Test]
    public void Options_NextNightsResultsAfterARender_AppendsAgain()
    {
        File.AppendAllText(Path.Combine(History, "history.jsonl"), NightTwo + "\n");
        Node("record");
        File.Delete(Path.Combine(Results, "0b3c-result.json"));
        File.WriteAllText(Path.Combine(Results, "9e4d-result.json"), "{}");

        Assert.That(Node("options"), Is.EqualTo($"{{\"historyPath\":\"{History}/history.jsonl\",\"appendHistory\":true}}"));
    }

    [Test]
    public void Options_RenderThatAppendedNothing_NextRenderOfTheSameResultsAppends()
    {
        File.AppendAllText(Path.Combine(History, "history.jsonl"), NightTwo + "\n");
        Node("record");
        File.WriteAllText(Path.Combine(History, "history.jsonl"), NightOne + "\n"); // the history restored from the CI cache

        Assert.That(Node("options"), Is.EqualTo($"{{\"historyPath\":\"{History}/history.jsonl\",\"appendHistory\":true}}"));
    }

    private string Node(string command)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepoPaths.Root(), "report", "history.mjs"), command, Results, History])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEnd();
        Assert.That(node.WaitForExit(30_000), Is.True, "node history.mjs ended");
        Assert.That(node.ExitCode, Is.Zero, error);
        return output.Result.Trim();
    }
}
