using System.Text.Json;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Reporting;

public sealed class ReportHookTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("conformance-hook-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Finish_CasesQueuedFromManyThreads_EveryCaseWrittenBeforeItReturns()
    {
        var settings = new SettingsSource(name => name == "conformance.allureResults" ? dir : null, _ => null);
        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), settings, null);
        var rows = EngineHarness.Demo.Rows;
        var results = Enumerable.Range(0, 400).Select(i => ReportFixture.Passed(rows[i % rows.Count], 200) with { CaseName = $"case {i}" }).ToList();

        Parallel.ForEach(results, new ParallelOptions { MaxDegreeOfParallelism = 8 }, r => ReportHook.Case(run, settings, dir, r));
        ReportHook.Finish(run, settings, dir);

        var names = Directory.GetFiles(dir, "*-result.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("name").GetString())
            .Where(n => n!.StartsWith("case ", StringComparison.Ordinal)).ToList();
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EquivalentTo(results.Select(r => r.CaseName)));
            Assert.That(Directory.GetFiles(dir, "*-attachment.txt"), Is.Empty, "a clean pass carries its exchange in the description (the scorecard adds .md and .json)");
            Assert.That(card.RootElement.GetProperty("apis")[0].GetProperty("cases").GetProperty("passed").GetInt32(), Is.EqualTo(400));
        });
    }

    [Test]
    public void Finish_CalledTwice_SecondCallDoesNothing()
    {
        var settings = new SettingsSource(name => name == "conformance.allureResults" ? dir : null, _ => null);
        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), settings, null);
        ReportHook.Case(run, settings, dir, ReportFixture.Passed(EngineHarness.Demo.Rows[0], 200));

        ReportHook.Finish(run, settings, dir);
        var files = Directory.GetFiles(dir).Length;
        ReportHook.Finish(run, settings, dir);

        Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(files));
    }

    [Test]
    public void Finish_ScorecardWritten_ReturnsItsFiles()
    {
        var settings = new SettingsSource(name => name == "conformance.allureResults" ? dir : null, _ => null);
        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), settings, null);
        ReportHook.Case(run, settings, dir, ReportFixture.Passed(EngineHarness.Demo.Rows[0], 200));

        var (files, problem) = ReportHook.Finish(run, settings, dir);

        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(files, Is.EqualTo(new[] { Path.Combine(dir, "scorecard.md"), Path.Combine(dir, "scorecard.json") }));
            Assert.That(files.All(File.Exists), Is.True);
        });
    }

    [Test]
    public void Finish_NoRun_ReturnsNoFiles()
    {
        var settings = new SettingsSource(_ => null, _ => null);

        var (files, problem) = ReportHook.Finish(null, settings, dir);

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.Empty);
            Assert.That(problem, Is.Null);
        });
    }
}
