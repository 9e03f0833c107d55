using Conformance.Diagnostics;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary><see cref="SourceLinks"/>: from an Allure result to the table row in the repository's web view.</summary>
public sealed class SourceLinksTests
{
    private static readonly SourceLocation At = new("contracts/demo/tables/things.yaml", 10, 5);

    [Test]
    public void FromCi_GitHubActions_BlobOfTheRunsCommit()
    {
        var env = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/api-tests", ["GITHUB_SHA"] = "abc123" };

        Assert.That(SourceLinks.For(SourceLinks.FromCi(env.GetValueOrDefault), At), Is.EqualTo("https://github.com/acme/api-tests/blob/abc123/contracts/demo/tables/things.yaml#L10"));
    }

    [Test]
    public void FromCi_GitLab_BlobOfTheRunsCommit()
    {
        var env = new Dictionary<string, string> { ["CI_PROJECT_URL"] = "https://gitlab.example.com/qa/api-tests", ["CI_COMMIT_SHA"] = "def456" };

        Assert.That(SourceLinks.FromCi(env.GetValueOrDefault), Is.EqualTo("https://gitlab.example.com/qa/api-tests/-/blob/def456"));
    }

    [Test]
    public void FromCi_NoCi_None() => Assert.That(SourceLinks.FromCi(_ => null), Is.Null);

    [TestCase("/abs/contracts/x.yaml")]
    [TestCase("../elsewhere/x.yaml")]
    [TestCase("runsettings:notes.token")]
    public void For_PathOutsideTheRepository_None(string path) =>
        Assert.That(SourceLinks.For("https://github.com/acme/t/blob/main", new SourceLocation(path, 1, 1)), Is.Null);

    [Test]
    public void For_BaseCopiedFromACloneUrlWithAJobToken_LinkWithoutIt() =>
        // GitLab's CI_REPOSITORY_URL is https://gitlab-ci-token:<job token>@host/group/project.git; a link to read a row needs none.
        Assert.That(SourceLinks.For("https://gitlab-ci-token:glcbt-LEAK-64@gitlab.example.com/qa/api-tests/-/blob/def456", At), Is.EqualTo("https://gitlab.example.com/qa/api-tests/-/blob/def456/contracts/demo/tables/things.yaml#L10"));

    [Test]
    public void For_SpaceInAName_Escaped() =>
        Assert.That(SourceLinks.For("https://github.com/acme/t/blob/main/", new SourceLocation("contracts/my api/tables/a.yaml", 3, 1)), Is.EqualTo("https://github.com/acme/t/blob/main/contracts/my%20api/tables/a.yaml#L3"));

    [Test]
    public void Write_OnGitHubActions_ResultLinksItsTableRow()
    {
        var dir = TempDir();
        try
        {
            var env = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/api-tests", ["GITHUB_SHA"] = "abc123" };
            var row = Row("valid", "get_thing", "valid", 200);
            var writer = new AllureWriter(Scope(row), new ReportLocation(dir, dir), env: env.GetValueOrDefault, gitHead: () => null);
            writer.Write(Passed(row, 200));
            writer.Finish();

            var result = Directory.GetFiles(dir, "*-result.json").Select(File.ReadAllText).Single(t => t.Contains("get_thing", StringComparison.Ordinal));
            Assert.That(result, Does.Contain("\"name\":\"Table row contracts/demo/tables/things.yaml:10\",\"url\":\"https://github.com/acme/api-tests/blob/abc123/contracts/demo/tables/things.yaml#L10\""));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            if (Directory.Exists(AllureWriter.Discarded(dir)))
            {
                Directory.Delete(AllureWriter.Discarded(dir), recursive: true);
            }
        }
    }
}
