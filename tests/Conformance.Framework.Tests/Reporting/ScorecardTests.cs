using Conformance.Reporting;
using Conformance.Reporting.Scorecard;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

public sealed class ScorecardTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private static readonly Conformance.Tables.StatusRow Unknown = Row("unknown", "get_thing", "unknown_id", 404);
    private static readonly Conformance.Tables.StatusRow BadParam = Row("bad", "list_things", "bad_param", 400);
    private static readonly Conformance.Tables.StatusRow Teapot = Row("teapot", "get_thing", "teapot", 400);
    private static readonly Conformance.Tables.StatusRow NoAuth = Row("noauth", "get_thing", "no_auth", 401);

    private static RunScorecard Card()
    {
        var invalid = new CaseResult("demo", "contracts/demo/tables/things.yaml:30 (invalid)", null, Verdict.Broken, "Invalid contract: ...", null, [], [], null, Started, TimeSpan.Zero);
        CaseResult[] results =
        [
            Passed(Valid, 200) with { Retried = [Step(429, "{}", "1")] },
            StatusMismatch(Unknown, 500),
            Passed(BadParam, 400),
            StatusMismatch(Teapot, 418),
            Result(NoAuth, Verdict.Skipped, "Skipped by the table: needs a second account", null, []),
            invalid,
        ];
        return ScorecardBuilder.Build([Pack], [Valid, Unknown, BadParam, Teapot, NoAuth], results);
    }

    [Test]
    public void Render_SmallRun_MarkdownPinned()
    {
        var expected = """
            # Conformance scorecard

            ## demo (Demo API)

            Documentation: https://docs.example.test/errors

            6 case(s): 2 passed, 2 failed, 1 broken, 1 skipped

            | Status | Meaning | Probed | Honored | Observed | Unprovokable |
            | --- | --- | --- | --- | --- | --- |
            | 200 | OK | 1 row | yes | 1 |  |
            | 400 | Bad Request | 2 rows | no (1 of 2 failed) | 1 |  |
            | 401 | Unauthorized | 1 row | no verdict | 0 |  |
            | 404 | Not Found | 1 row | no (1 of 1 failed) | 0 |  |
            | 429 | Too Many Requests | no | - | 1 | needs a burst the target's quota forbids |
            | 5xx | Server error | no | - | 1 | 503: only during maintenance |

            Observed but undocumented:

            - 418 x1: demo / get_thing / teapot -> 400

            """;

        Assert.That(ScorecardMarkdown.Render(Card()), Is.EqualTo(expected.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Render_SmallRun_JsonCarriesTheSameMatrix()
    {
        var json = ScorecardJson.Render(Card());

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"status\": \"404\",\n          \"meaning\": \"Not Found\",\n          \"probedBy\": 1,\n          \"rowsPassed\": 0,\n          \"rowsFailed\": 1,\n          \"observed\": 0,\n          \"unprovokable\": null,\n          \"honored\": \"no\""));
            Assert.That(json, Does.Contain("\"honored\": \"not-probed\""));
            Assert.That(json, Does.Contain("\"cases\": {\n        \"total\": 6,\n        \"passed\": 2,\n        \"failed\": 2,\n        \"broken\": 1,\n        \"skipped\": 1,\n        \"known\": 0,\n        \"notRunThisTime\": 0\n      }"));
        });
    }

    [Test]
    public void Render_PreviousRunGiven_NewlyFailingAndFixedListed()
    {
        var previous = new Dictionary<string, Verdict>
        {
            [Key(Valid)] = Verdict.Failed,
            [Key(Unknown)] = Verdict.Passed,
            [Key(BadParam)] = Verdict.Passed,
            ["demo/gone/valid -> 200 #8883aa51a26061e7d249fe01463ac5ac"] = Verdict.Passed,
        };

        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown, BadParam, Teapot], [Passed(Valid, 200), StatusMismatch(Unknown, 500), Passed(BadParam, 400), StatusMismatch(Teapot, 418)], new Baseline(previous));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith("""
            # Conformance scorecard

            ## Since the previous run

            3 case(s) in both runs: 1 newly failing, 1 fixed; 1 new.

            Newly failing:

            - demo / get_thing / unknown_id -> 404 (passed -> failed)

            Fixed:

            - demo / get_thing / valid -> 200 (failed -> passed)

            ## demo (Demo API)
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Render_PreviousRunGivenAndAKnownIssueNowFailing_NewlyFailingSaysKnownIssue()
    {
        var previous = new Dictionary<string, Verdict> { [Key(Valid)] = Verdict.Passed, [Key(Unknown)] = Verdict.Passed };

        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown], [StatusMismatch(Valid, 500), StatusMismatch(Unknown, 400) with { KnownIssue = "DEMO-7: 404 comes back as 400" }], new Baseline(previous));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith("""
            # Conformance scorecard

            ## Since the previous run

            2 case(s) in both runs: 2 newly failing (1 known issue), 0 fixed; 0 new.

            Newly failing:

            - demo / get_thing / unknown_id -> 404 (passed -> failed, known issue)
            - demo / get_thing / valid -> 200 (passed -> failed)

            ## demo (Demo API)
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Render_TargetsGiven_EachApiSaysWhatItProbed()
    {
        var card = ScorecardBuilder.Build([Pack], [Valid], [Passed(Valid, 200)], targets: new Dictionary<string, string> { ["demo"] = "the embedded reference API (http://127.0.0.1:4711/demo)" });

        Assert.Multiple(() =>
        {
            Assert.That(ScorecardMarkdown.Render(card), Does.Contain("Documentation: https://docs.example.test/errors\n\nTarget: the embedded reference API (http://127.0.0.1:4711/demo)\n\n1 case(s)"));
            Assert.That(ScorecardJson.Render(card), Does.Contain("\"target\": \"the embedded reference API (http://127.0.0.1:4711/demo)\""));
        });
    }

    [Test]
    public void Render_ApiWithNoCaseInThisRun_SaysSoInsteadOfATableOfRowsNotProbed()
    {
        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown], [], targets: new Dictionary<string, string> { ["demo"] = "the embedded reference API (http://127.0.0.1:4711/demo)" });

        Assert.That(ScorecardMarkdown.Render(card), Is.EqualTo("""
            # Conformance scorecard

            ## demo (Demo API)

            Documentation: https://docs.example.test/errors

            Not in this run: none of its 2 rows was selected (--filter), so nothing was sent to it and no status is judged.

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Render_DryRun_SaidAtTheTop() =>
        Assert.That(ScorecardMarkdown.Render(ScorecardBuilder.Build([Pack], [Valid], []) with { DryRun = true }), Does.StartWith(
            "# Conformance scorecard\n\nDry run (conformance.dryRun=true): nothing was sent; every case is skipped with the request it would send.\n"));

    [Test]
    public void Render_NoPreviousRun_NoSectionAndTheVerdictsInTheJson()
    {
        var card = ScorecardBuilder.Build([Pack], [Valid], [Passed(Valid, 200)]);
        var path = Path.Combine(TempDir(), "scorecard.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ScorecardJson.Render(card));

        Assert.Multiple(() =>
        {
            Assert.That(ScorecardMarkdown.Render(card), Does.Not.Contain("Since the previous run"));
            Assert.That(ScorecardJson.ReadVerdicts(path)!.Verdicts, Is.EqualTo(new Dictionary<string, Verdict> { ["demo/get_thing/valid -> 200 #8ccb55e998483d12a21524923b77c236"] = Verdict.Passed }));
            Assert.That(ScorecardJson.ReadVerdicts(path)!.OlderKeys, Is.False);
            Assert.That(ScorecardJson.ReadVerdicts(path + ".missing"), Is.Null);
        });
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Test]
    public void Render_KnownIssueFailure_CountedAsFailedAndSaidSo()
    {
        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown], [Passed(Valid, 200), StatusMismatch(Unknown, 400) with { KnownIssue = "DEMO-7" }]);

        Assert.Multiple(() =>
        {
            Assert.That(ScorecardMarkdown.Render(card), Does.Contain("\n2 case(s): 1 passed, 1 failed (1 known), 0 broken, 0 skipped\n"));
            Assert.That(ScorecardJson.Render(card), Does.Contain("\"failed\": 1,\n        \"broken\": 0,\n        \"skipped\": 0,\n        \"known\": 1,\n        \"notRunThisTime\": 0\n"));
        });
    }

    [Test]
    public void Render_OneOfTwoRowsBroken_HonoredSaysWithoutAVerdictNotNotRun()
    {
        var other = Row("other", "list_things", "valid", 200);
        var setupFailed = Result(other, Verdict.Broken, "Setup failed, no probe was sent: create_thing answered 201 without a value at /id to capture as thing_id", null, []);

        var card = ScorecardBuilder.Build([Pack], [Valid, other], [Passed(Valid, 200), setupFailed]);

        Assert.That(ScorecardMarkdown.Render(card), Does.Contain("\n| 200 | OK | 2 rows | partly (1 of 2 passed, 1 without a verdict) | 1 |  |\n"));
    }

    [Test]
    public void Build_FilteredRunThenDryRun_TheBaselineOfTheRowsNotRunIsKept()
    {
        var previous = new Dictionary<string, Verdict> { [Key(Valid)] = Verdict.Passed, [Key(Unknown)] = Verdict.Passed, ["demo/gone/valid -> 200 #8883aa51a26061e7d249fe01463ac5ac"] = Verdict.Passed };

        var filtered = ScorecardBuilder.Build([Pack], [Valid, Unknown], [StatusMismatch(Unknown, 500)], new Baseline(previous));
        var dry = ScorecardBuilder.Build([Pack], [Valid, Unknown], [Result(Valid, Verdict.Skipped, "Dry run (conformance.dryRun=true): nothing sent", null, [])], new Baseline(filtered.Verdicts), dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(filtered.Verdicts, Is.EqualTo(new Dictionary<string, Verdict> { [Key(Valid)] = Verdict.Passed, [Key(Unknown)] = Verdict.Failed }));
            Assert.That(filtered.SincePrevious!.NewlyFailing.Select(c => c.Case), Is.EqualTo(new[] { Unknown.CaseName }));
            Assert.That(dry.Verdicts, Is.EqualTo(filtered.Verdicts), "a dry run sends nothing and keeps the baseline");
            Assert.That(dry.SincePrevious, Is.Null);
        });
    }

    [Test]
    public void Build_TwoRowsOfOneName_EachKeptUnderItsRowId()
    {
        var first = Row("first", "get_thing", "valid", 200);
        var second = Row("second", "get_thing", "valid", 200);
        var previous = new Dictionary<string, Verdict> { ["demo/get_thing/valid -> 200 #ab44da76ef0d27f5c5a708e31dd08ae4"] = Verdict.Passed, ["demo/get_thing/valid -> 200 #78cf8028f8a0680d31b9667e77be45ac"] = Verdict.Passed };

        var card = ScorecardBuilder.Build([Pack], [first, second], [StatusMismatch(first, 500), Passed(second, 200)], new Baseline(previous));

        Assert.Multiple(() =>
        {
            Assert.That(card.Verdicts.Keys, Is.EqualTo(new[] { "demo/get_thing/valid -> 200 #78cf8028f8a0680d31b9667e77be45ac", "demo/get_thing/valid -> 200 #ab44da76ef0d27f5c5a708e31dd08ae4" }));
            Assert.That(card.SincePrevious!.NewlyFailing.Select(c => c.Case), Is.EqualTo(new[] { "demo / get_thing / valid -> 200 [first]" }));
        });
    }

    [Test]
    public void Build_NoResults_EveryRowNotRunAndNothingObserved()
    {
        var card = ScorecardBuilder.Build([Pack], [Valid], []);

        Assert.That(card.Apis.Single().Statuses.Select(s => $"{s.Status}:{s.Honored}:{s.Observed}"), Is.EqualTo(new[]
        {
            "200:NotRun:0", "400:NotProbed:0", "401:NotProbed:0", "404:NotProbed:0", "429:NotProbed:0", "5xx:NotProbed:0",
        }));
    }

    [Test]
    public void Build_CaseWithACleanup_CleanupStatusNotObserved()
    {
        var passed = Passed(Valid, 200);
        var cleaned = passed with { Exchange = passed.Exchange! with { Later = [Step(418, "{}", null) with { Label = "Cleanup (delete_thing)" }] } };

        var api = ScorecardBuilder.Build([Pack], [Valid], [cleaned]).Apis.Single();

        Assert.Multiple(() =>
        {
            Assert.That(api.Undocumented, Is.Empty, "the cleanup's 418 is the harness's doing");
            Assert.That(api.Statuses.Single(s => s.Status == "200").Observed, Is.EqualTo(1));
        });
    }
}
