using Conformance.Reporting.Allure;

namespace Conformance.Framework.Tests.Reporting;

public sealed class AllureRunFilesTests
{
    [Test]
    public void Detect_GitHubActions_BuildUrlFromRunId()
    {
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/api", ["GITHUB_RUN_ID"] = "42", ["GITHUB_RUN_NUMBER"] = "7", ["GITHUB_WORKFLOW"] = "nightly" };

        var executor = ExecutorInfo.Detect(name => env.GetValueOrDefault(name), "h");

        Assert.That(executor, Is.EqualTo(new ExecutorInfo("GitHub Actions", "github", "https://github.com", 7, "nightly #7", "https://github.com/acme/api/actions/runs/42", "Conformance")));
    }

    [Test]
    public void Detect_Jenkins_BuildUrlAndJob()
    {
        var env = new Dictionary<string, string> { ["BUILD_URL"] = "https://ci.example/job/api/12/", ["JOB_NAME"] = "api", ["BUILD_NUMBER"] = "12" };

        var executor = ExecutorInfo.Detect(name => env.GetValueOrDefault(name), "h");

        Assert.That(executor, Is.EqualTo(new ExecutorInfo("Jenkins", "jenkins", null, 12, "api #12", "https://ci.example/job/api/12/", "Conformance")));
    }

    [Test]
    public void Detect_NoCi_LocalExecutor()
    {
        Assert.That(ExecutorInfo.Detect(_ => null, "box1"), Is.EqualTo(new ExecutorInfo("Local run", "local", null, null, "local run on box1", null, "Conformance")));
    }

    [Test]
    public void Entries_ApiOnTheEmbeddedReferenceApi_TargetSaysSoAsTheScorecardDoes()
    {
        var scope = ReportFixture.Scope() with { ReferenceApis = new HashSet<string> { "demo" } };

        var entries = EnvironmentInfo.Entries(scope, _ => null, () => "abc1234def").Take(1);

        Assert.That(entries, Is.EqualTo(new[] { KeyValuePair.Create("target.demo", "the embedded reference API (https://api.example.test/v1/)") }));
    }

    [Test]
    public void Entries_DryRun_FirstEntrySaysNothingWasSent()
    {
        var scope = ReportFixture.Scope() with { DryRun = true };

        var entries = EnvironmentInfo.Entries(scope, _ => null, () => "abc1234def").Take(2);

        Assert.That(entries, Is.EqualTo(new[]
        {
            KeyValuePair.Create("dryRun", "true: nothing was sent to any target (conformance.dryRun); every case is skipped with the request it would send"),
            KeyValuePair.Create("target.demo", "https://api.example.test/v1/"),
        }));
    }

    [Test]
    public void Entries_ConfiguredTargetAndARealRun_TargetUrlAndNoDryRunEntry()
    {
        var entries = EnvironmentInfo.Entries(ReportFixture.Scope(), _ => null, () => "abc1234def");

        Assert.Multiple(() =>
        {
            Assert.That(entries[0], Is.EqualTo(KeyValuePair.Create("target.demo", "https://api.example.test/v1/")));
            Assert.That(entries.Select(e => e.Key), Does.Not.Contain("dryRun"));
        });
    }

    [Test]
    public void Write_ManyThreads_OneResultFilePerCase()
    {
        var dir = ReportFixture.TempDir();
        try
        {
            var row = ReportFixture.Row("valid", "get_thing", "valid", 200);
            var writer = new AllureWriter(ReportFixture.Scope(row), new ReportLocation(dir, dir), env: _ => null, gitHead: () => null);

            Parallel.For(0, 64, _ => writer.Write(ReportFixture.Passed(row, 200)));
            writer.Finish();

            Assert.That(Directory.GetFiles(dir, "*-result.json"), Has.Length.EqualTo(64), "one per case, the scorecard in the globals");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
