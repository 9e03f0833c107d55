using System.Text;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Framework.Tests.Checks;

/// <summary>Builds check contexts from a small pack (statuses 200, 201, 204, 304, 400, 401, 404, 405, 429, 503, 5xx).</summary>
internal static class CheckFixture
{
    public static readonly ApiPack Pack = new(
        "demo", "Demo API", "https://docs.example.test/errors", "/tmp/demo", null,
        new AuthScheme("Authorization", null, "Bearer {token}", "Bearer", "sample"),
        new Dictionary<string, string>(), new PackLimits(4, 10),
        [Doc("200", "OK"), Doc("201", "Created"), Doc("204", "No Content"), Doc("304", "Not Modified"), Doc("400", "Bad Request"),
         Doc("401", "Unauthorized"), Doc("404", "Not Found"), Doc("405", "Method Not Allowed"), Doc("429", "Too Many Requests"),
         Doc("503", "Service Unavailable"), Doc("5xx", "Server error")],
        [new BodyContract(StatusPattern.Parse("4xx")!, "schemas/error.schema.json", "application/json")],
        [], new Dictionary<int, string>(), new Dictionary<string, Severity>(), new Dictionary<string, Operation>(),
        new SourceLocation("contracts/demo/api.yaml", 1, 1));

    public static StatusRow Row(int[] expected, IReadOnlyList<BodyAssertion>? body = null, IReadOnlyList<HeaderAssertion>? headers = null, bool emptyBody = false) =>
        new("r1", "demo", "get_thing", "valid", new Dictionary<string, JsonNode?>(), expected, null, false, body ?? [], headers ?? [],
            emptyBody, null, new Dictionary<string, Severity>(), null, new SourceLocation("contracts/demo/tables/t.yaml", 3, 5));

    public static CheckContext Context(StatusRow row, int status, string? body = null, string? contentType = null, string method = "GET", params (string Name, string Value)[] headers)
    {
        var all = headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
        if (contentType is not null)
        {
            all.Add(new("Content-Type", contentType));
        }

        var response = new ProbeResponse(status, "Reason", all, Encoding.UTF8.GetBytes(body ?? string.Empty), false, TimeSpan.Zero);
        var request = new ProbeRequest(method, "/things/1", [], [], null, null, "secret-token");
        return new CheckContext(Pack, row, request, response, ParsedBody.From(response), null, null);
    }

    public static CheckResult Run(ICheck check, CheckContext context) => check.Evaluate(context);

    public static ICheck Check(string id) => CheckCatalog.All.Single(c => c.Id == id);

    private static DocumentedStatus Doc(string code, string meaning) => new(StatusPattern.Parse(code)!, meaning);
}
