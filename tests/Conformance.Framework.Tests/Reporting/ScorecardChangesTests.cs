using Conformance.Reporting;
using Conformance.Reporting.Scorecard;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// "Since the previous run" counts every verdict that changed: a run with allowMutation after one without it (10 cases
/// skipped then, passed now) said "no verdict changed" (found by the contract-author audit), since only passed/failed
/// moves were counted.
/// </summary>
public sealed class ScorecardChangesTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private static readonly Conformance.Tables.StatusRow Unknown = Row("unknown", "get_thing", "unknown_id", 404);
    private static readonly Conformance.Tables.StatusRow BadParam = Row("bad", "list_things", "bad_param", 400);
    private static readonly Conformance.Tables.StatusRow NoAuth = Row("noauth", "get_thing", "no_auth", 401);

    [Test]
    public void Render_VerdictsChangedBesidesFailingAndFixed_OtherChangesCountedAndListed()
    {
        var previous = new Dictionary<string, Verdict>
        {
            [Key(Valid)] = Verdict.Skipped,
            [Key(Unknown)] = Verdict.Passed,
            [Key(BadParam)] = Verdict.Failed,
            [Key(NoAuth)] = Verdict.Passed,
        };
        CaseResult[] now =
        [
            Passed(Valid, 200),
            Passed(Unknown, 404),
            Result(BadParam, Verdict.Broken, "Target unreachable (refused): ...", null, []),
            Result(NoAuth, Verdict.Skipped, "Skipped by the table: needs a second account", null, []),
        ];

        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown, BadParam, NoAuth], now, new Baseline(previous));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith("""
            # Conformance scorecard

            ## Since the previous run

            4 case(s) in both runs: 0 newly failing, 0 fixed, 3 other change(s); 0 new.

            Other changes:

            - demo / get_thing / no_auth -> 401 (passed -> skipped)
            - demo / get_thing / valid -> 200 (skipped -> passed)
            - demo / list_things / bad_param -> 400 (failed -> broken)

            ## demo (Demo API)
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Render_SameVerdicts_NoVerdictChanged()
    {
        var previous = new Dictionary<string, Verdict> { [Key(Valid)] = Verdict.Skipped, [Key(Unknown)] = Verdict.Passed };

        var card = ScorecardBuilder.Build([Pack], [Valid, Unknown], [Result(Valid, Verdict.Skipped, "Skipped by the table: later", null, []), Passed(Unknown, 404)], new Baseline(previous));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith("# Conformance scorecard\n\n## Since the previous run\n\n2 case(s) in both runs: no verdict changed; 0 new.\n\n## demo (Demo API)"));
    }
}
