using System.Security.Cryptography;
using System.Text;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Identity of a case across runs, built from api / operation / scenario / row id only (never argument values), so
/// Allure's history and trends follow a row from run to run and two rows never merge.
/// </summary>
internal sealed record AllureIds(string Api, string Operation, string Scenario, string RowKey)
{
    public static AllureIds For(CaseResult result) => result.Row is { } row
        ? new AllureIds(row.Api, row.OperationId, row.ScenarioId, row.Id)
        : new AllureIds(result.Api, "(invalid)", "(invalid)", result.CaseName);

    public string FullName => $"Conformance.Suites.{Segment(Api)}.{Segment(Operation)}.{Segment(Scenario)}#{RowKey}";

    public string TestCaseId => Hash($"{Api}/{Operation}/{Scenario}/{RowKey}");

    public string HistoryId => Hash($"history:{Api}/{Operation}/{Scenario}/{RowKey}");

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string Segment(string text) => text.Replace('.', '_').Replace(' ', '_');
}
