using System.Security.Cryptography;
using System.Text;
using Conformance.Tables;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Identity of a case across runs, so Allure's history and trends follow a row from run to run and two rows never merge:
/// fullName from api / operation / scenario / row id; the test case id and history id from api / operation / scenario
/// and the row's history key (its id when written, else its <c>with:</c> arguments and place among the rows alike).
/// </summary>
internal sealed record AllureIds(string Api, string Operation, string Scenario, string RowKey)
{
    /// <summary>What the test case id and history id hash: the row's <see cref="StatusRow.HistoryKey"/> where it has one, else <see cref="RowKey"/>.</summary>
    public string HistoryKey { get; init; } = RowKey;

    public static AllureIds For(CaseResult result) => result switch
    {
        { Row: { } row } => new AllureIds(row.Api, row.OperationId, row.ScenarioId, row.Id) { HistoryKey = row.HistoryKey ?? row.Id },
        { Suite: { } suite } => new AllureIds(result.Api, suite, "interaction", result.CaseName),
        _ => new AllureIds(result.Api, InvalidSuite, InvalidFile(result.CaseName), result.CaseName),
    };

    /// <summary>The suite that groups invalid contract entries; their sub-suite is the file they sit in.</summary>
    public const string InvalidSuite = "(invalid contract)";

    public string FullName => $"Conformance.Suites.{Segment(Api)}.{Segment(Operation)}.{Segment(Scenario)}#{RowKey}";

    public string TestCaseId => Hash($"{Api}/{Operation}/{Scenario}/{HistoryKey}");

    public string HistoryId => Hash($"history:{Api}/{Operation}/{Scenario}/{HistoryKey}");

    private static string InvalidFile(string caseName) => caseName.LastIndexOf(':') is var colon and > 0 ? caseName[..colon] : caseName;

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string Segment(string text) => text.Replace('.', '_').Replace(' ', '_');
}
