using Conformance.Diagnostics;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// A night, then a rerun of what failed (a filtered run: <c>--filter Category=last_failed</c>), then the next full night,
/// all into one folder with the real writer: the rerun keeps the night's verdicts of what it did not run, so the next
/// night compares every case and finds none new, and a known issue stays one.
/// </summary>
public sealed class ScorecardRerunTests
{
    private const string KnownText = "API-123: 404 comes back as 400";
    private static readonly StatusRow A = Row("get_thing.unknown_id.1", "get_thing", "unknown_id", 404);
    private static readonly StatusRow B = Row("get_thing.valid.1", "get_thing", "valid", 200);
    private static readonly StatusRow K = Row("get_thing.bad_auth.1", "get_thing", "bad_auth", 401) with { Known = KnownText };
    private static readonly InvalidEntry X = new("demo", new SourceLocation("contracts/demo/tables/things.yaml", 7, 3), []);
    private readonly string dir = TempDir();

    [TearDown]
    public void RemoveResults() => DeleteResults(dir);

    [Test]
    public void Finish_RerunOfTheFailuresThenAFullNight_EveryCaseComparedNoneNew()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200), KnownFailure(), Invalid());
        Night(Passed(A, 404), Invalid()); // the rerun: what was last_failed (A and the invalid entry)
        var afterRerun = ScorecardJson.ReadVerdicts(Scorecard)!;
        Night(Passed(A, 404), Passed(B, 200), KnownFailure(), Invalid());

        var markdown = File.ReadAllText(Path.Combine(dir, "scorecard.md"));
        Assert.Multiple(() =>
        {
            Assert.That(afterRerun.Verdicts, Is.EqualTo(new Dictionary<string, Verdict>
            {
                [Key(K)] = Verdict.Failed, [Key(A)] = Verdict.Passed, [Key(B)] = Verdict.Passed, [InvalidKey] = Verdict.Broken,
            }));
            Assert.That(afterRerun.KnownIssues, Is.EquivalentTo(new[] { Key(K) }));
            Assert.That(markdown, Does.Contain("\n4 case(s) in both runs: no verdict changed; 0 new.\n"));
        });
    }

    [Test]
    public void Finish_FilteredRunWithoutTheInvalidEntry_ItsVerdictIsKept()
    {
        // Before, only rows kept their verdicts: a run filtered to one API dropped every invalid entry's, and the next
        // night counted them as new.
        Night(StatusMismatch(A, 400), Passed(B, 200), Invalid());
        Night(Passed(B, 200));
        Night(StatusMismatch(A, 400), Passed(B, 200), Invalid());

        Assert.Multiple(() =>
        {
            Assert.That(ScorecardJson.ReadVerdicts(Scorecard)!.Verdicts, Does.ContainKey(InvalidKey));
            Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain("\n3 case(s) in both runs: no verdict changed; 0 new.\n"));
        });
    }

    [Test]
    public void Finish_KnownIssueFailing_ItsKeyUnderKnownIssues()
    {
        Night(StatusMismatch(A, 400), KnownFailure());

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Scorecard))!;

        Assert.That(json["knownIssues"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { Key(K) }));
    }

    private static string InvalidKey => CaseIdentity.For(X).Key;

    private string Scorecard => Path.Combine(dir, "scorecard.json");

    private static CaseResult KnownFailure() => StatusMismatch(K, 400) with { KnownIssue = KnownText };

    private static CaseResult Invalid() => new("demo", X.CaseName, null, Verdict.Broken, "Invalid contract: ...", null, [], [], null, Started, TimeSpan.Zero);

    private void Night(params CaseResult[] results)
    {
        var writer = new AllureWriter(Scope(A, B, K) with { Invalid = [X] }, new ReportLocation(dir, dir), env: _ => null, gitHead: () => null);
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Finish();
    }
}
