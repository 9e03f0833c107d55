using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>The pack's <c>docs:</c> as the Allure link a QA reader clicks: only a web address is one.</summary>
public sealed class AllureDocsLinkTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);

    private static IReadOnlyList<AllureLink> Links(string docs)
    {
        var scope = new ReportScope([Pack with { DocsUrl = docs }], [Valid], new Dictionary<string, Uri> { ["demo"] = new("https://api.example.test/v1/") }, ReportFixture.Redactor);
        return new AllureResultBuilder(scope, "h").Build(Passed(Valid, 200), "t").Result.Links;
    }

    [TestCase("../shared/seeds/001_510efd6ec6fff0a1.txt")]
    [TestCase("docs/errors.md")]
    [TestCase("file:///srv/docs/errors.html")]
    public void Build_DocsNotAWebAddress_NoLink(string docs)
    {
        Assert.That(Links(docs), Is.Empty);
    }

    [Test]
    public void Finish_DocsNotAWebAddress_GlobalCardQuotesItWithoutALink()
    {
        var dir = TempDir();
        try
        {
            var scope = new ReportScope([Pack with { DocsUrl = "../shared/seeds/001_510efd6ec6fff0a1.txt" }], [Valid], new Dictionary<string, Uri> { ["demo"] = new("https://api.example.test/v1/") }, ReportFixture.Redactor);
            var writer = new AllureWriter(scope, new ReportLocation(dir, dir), env: _ => null, gitHead: () => null);
            writer.Write(Passed(Valid, 200));
            writer.Finish();

            var card = Directory.GetFiles(dir, "*-attachment.md").Select(File.ReadAllText).Single();
            Assert.That(card, Does.Contain("\nDocumentation: ../shared/seeds/001_510efd6ec6fff0a1.txt\n"));
        }
        finally
        {
            DeleteResults(dir);
        }
    }

    [TestCase("https://docs.example.test/errors")]
    [TestCase("http://intranet.example.test/api/errors")]
    public void Build_DocsAWebAddress_LinkedAsTheApisDocumentation(string docs)
    {
        Assert.That(Links(docs).Select(l => $"{l.Type} {l.Name} {l.Url}"), Is.EqualTo(new[] { $"link Demo API documentation {docs}" }));
    }
}
