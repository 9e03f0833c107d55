namespace Conformance.Reporting.Allure;

/// <summary>
/// Identity of a case across runs, so Allure's history and trends follow a row from run to run and two rows never merge:
/// fullName from api / operation / scenario / row id; the test case id and history id from the case's
/// <see cref="CaseIdentity.TestCase"/> (api / operation / scenario and the row's history key: its id when written, else
/// its <c>with:</c> arguments and place among the rows alike), which the scorecard keys its verdicts by as well.
/// </summary>
internal sealed record AllureIds(CaseIdentity Case)
{
    public string Api => Case.Api;

    public string Operation => Case.Operation;

    public string Scenario => Case.Scenario;

    /// <summary>The <c>expected status</c> parameter, part of what Allure 3 follows a case by.</summary>
    public string Expected => Case.Expected;

    public static AllureIds For(CaseResult result) => new(CaseIdentity.For(result));

    public string FullName => $"Conformance.Suites.{Segment(Api)}.{Segment(Operation)}.{Segment(Scenario)}#{Case.RowKey}";

    public string TestCaseId => Case.TestCaseId;

    public string HistoryId => Case.HistoryId;

    private static string Segment(string text) => text.Replace('.', '_').Replace(' ', '_');
}
