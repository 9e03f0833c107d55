using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>On GitHub Actions the scorecard goes to the job summary page too (<see cref="JobSummary"/>).</summary>
public sealed class JobSummaryTests
{
    [Test]
    public void Finish_OnGitHubActions_ScorecardAppendedToTheJobSummary()
    {
        var dir = TempDir();
        var summary = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(summary, "earlier step\n");
        try
        {
            var row = Row("valid", "get_thing", "valid", 200);
            var env = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary };
            var writer = new AllureWriter(Scope(row), new ReportLocation(dir, dir), env: env.GetValueOrDefault, gitHead: () => null);
            writer.Write(Passed(row, 200));
            writer.Finish();

            Assert.That(File.ReadAllText(summary), Does.StartWith("earlier step\n\n# Conformance scorecard\n").And.Contain("## demo (Demo API)").And.Contain("| 200 | OK | 1 row | yes | 1 |  |"));
        }
        finally
        {
            File.Delete(summary);
            foreach (var folder in new[] { dir, AllureWriter.Discarded(dir) }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public void Append_CardOverTheBudget_WhereToFindItInstead()
    {
        var summary = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.md");
        try
        {
            JobSummary.Append(name => name == "GITHUB_STEP_SUMMARY" ? summary : null, new string('x', JobSummary.MaxChars + 1), "/r/scorecard.md");

            Assert.That(File.ReadAllText(summary), Is.EqualTo("\n# Conformance scorecard\n\nThe card is 262,145 characters, over this page's budget: see /r/scorecard.md in the run's artifacts.\n"));
        }
        finally
        {
            File.Delete(summary);
        }
    }
}
