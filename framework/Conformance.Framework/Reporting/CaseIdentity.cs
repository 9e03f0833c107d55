using System.Security.Cryptography;
using System.Text;
using Conformance.Tables;

namespace Conformance.Reporting;

/// <summary>
/// Who a case is from one run to the next: the one derivation Allure's history (<c>Allure/AllureIds</c>) and the
/// scorecard's "Since the previous run" both follow. A row is its api, operation, scenario and history key
/// (<see cref="StatusRow.HistoryKey"/>: its <c>id:</c> where written, else every <c>with:</c> argument in full and its
/// place among the rows alike) and its expected status; a pact interaction is its provider and name; an invalid entry
/// its file and name from its pack folder on.
/// </summary>
internal sealed record CaseIdentity(string Api, string Operation, string Scenario, string RowKey, string HistoryKey, string Expected)
{
    /// <summary>The suite that groups invalid contract entries; their sub-suite is the file they sit in.</summary>
    public const string InvalidSuite = "(invalid contract)";

    /// <summary>The api of a pact interaction's case result (suites/PactSuite.cs).</summary>
    public const string PactApi = "pact";

    public static CaseIdentity For(CaseResult result) => result switch
    {
        { Row: { } row } => For(row),
        { Suite: { } suite } => new(result.Api, suite, "interaction", result.CaseName, result.CaseName, "as in the pact"),
        _ => Invalid(result.Api, result.CaseName),
    };

    /// <summary>An invalid entry's identity, as its case result has it (<see cref="Engine.CaseRunner.Invalid"/>).</summary>
    public static CaseIdentity For(InvalidEntry entry) => Invalid(entry.Api, entry.CaseName);

    /// <summary>A pact interaction's identity, as its case result has it (api <c>pact</c>, suite its provider).</summary>
    public static CaseIdentity For(PactInteraction interaction) => new(PactApi, interaction.Provider, "interaction", interaction.Name, interaction.Name, "as in the pact");

    public static CaseIdentity For(StatusRow row) => new(row.Api, row.OperationId, row.ScenarioId, row.Id, row.HistoryKey ?? row.Id, row.ExpectedText);

    /// <summary>What Allure's test case id and history id hash: <c>demo/get_thing/unknown_id/get_thing.unknown_id(param="id", value="999").1</c>.</summary>
    public string TestCase => $"{Api}/{Operation}/{Scenario}/{HistoryKey}";

    /// <summary>Allure's <c>testCaseId</c>: a hash, so no <c>with:</c> value (a cookie a table sends) is written out in full.</summary>
    public string TestCaseId => Hash(TestCase);

    /// <summary>Allure's <c>historyId</c> (Allure 2 follows it; Allure 3 follows the test case id and the parameters).</summary>
    public string HistoryId => Hash($"history:{TestCase}");

    /// <summary>
    /// The scorecard's key: Allure's test case id and the expected status, as Allure 3 follows a case by its test case id
    /// and its parameters (api, operation, scenario, expected status), behind the readable parts of the case:
    /// <c>demo/get_thing/valid -> 200 #8ccb55e998483d12a21524923b77c236</c>.
    /// </summary>
    public string Key => $"{Api}/{Operation}/{Scenario} -> {Expected} #{TestCaseId}";

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static CaseIdentity Invalid(string api, string caseName)
    {
        var inPack = InPack(caseName);
        return new(api, InvalidSuite, InvalidFile(inPack), caseName, inPack, "(invalid)");
    }

    private static string InvalidFile(string caseName) => caseName.LastIndexOf(':') is var colon and > 0 ? caseName[..colon] : caseName;

    /// <summary>
    /// An invalid entry's name from its pack folder on (<c>demo/tables/things.yaml:14 (invalid)</c>): its path starts with
    /// the contracts folder's own name (the display root is that folder's parent), which renaming the folder or pointing
    /// <c>conformance.contracts</c> at a copy changes without changing the entry. A setting's entry
    /// (<c>runsettings:conformance.contracts:1</c>) and a file outside the folder (<c>../shared/x.json</c>) stay whole.
    /// </summary>
    private static string InPack(string caseName)
    {
        var slash = caseName.IndexOf('/', StringComparison.Ordinal);
        var colon = caseName.IndexOf(':', StringComparison.Ordinal);
        return slash > 0 && (colon < 0 || slash < colon) && !caseName.StartsWith("../", StringComparison.Ordinal) ? caseName[(slash + 1)..] : caseName;
    }
}
