using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.CallRail;

/// <summary>
/// Companies: one to read, COM...301 to COM...320 to delete (204 once, then 404, per server), created ones.
/// </summary>
internal sealed partial class Companies
{
    public const string Known = "COM8154748ae6bd4e278a7cddd38a662f4f";
    private const int MaxName = 100;
    private readonly ConcurrentDictionary<string, JsonObject> companies = new(StringComparer.Ordinal);
    private int created;

    public Companies()
    {
        companies[Known] = Company(Known, "Reference Dental", "America/New_York");
        for (var n = 301; n <= 320; n++)
        {
            var id = "COM" + n.ToString("D32", CultureInfo.InvariantCulture);
            companies[id] = Company(id, $"Disposable {n}", "America/Chicago");
        }
    }

    public Reply Create(Call call)
    {
        if (Accounts.Check(call) is { } denied)
        {
            return denied;
        }

        var body = call.Body;
        var name = Fields.Text(body["name"]);
        var zone = body.ContainsKey("time_zone") ? Fields.Text(body["time_zone"]) : "America/New_York";
        Problem? problem = name is null ? (body["name"] is null
                ? new Problem(ProblemKind.MissingField, "name")
                : new Problem(ProblemKind.InvalidField, "name", Detail: "must be a string"))
            : name.Length > MaxName ? new Problem(ProblemKind.TooLong, "name", Detail: $"is too long (maximum is {MaxName} characters)")
            : zone is null || !TimeZonePattern().IsMatch(zone) ? new Problem(ProblemKind.InvalidField, "time_zone", Detail: "is not a valid time zone")
            : null;
        if (problem is not null)
        {
            return call.Api.Fail(problem);
        }

        var id = "COM" + Interlocked.Increment(ref created).ToString("x32", CultureInfo.InvariantCulture);
        var company = Company(id, name!, zone!);
        companies[id] = company;
        return Reply.Ok(company.DeepClone(), 201).WithHeader("Location", call.Link($"/v3/a/{Accounts.Id}/companies/{id}.json"));
    }

    public Reply Get(Call call) => Accounts.Check(call) ?? (companies.TryGetValue(call.Route("company_id"), out var company)
        ? Reply.Ok(company.DeepClone())
        : call.Fail(ProblemKind.NotFound, "company"));

    public Reply Delete(Call call) => Accounts.Check(call) ?? (companies.TryRemove(call.Route("company_id"), out _)
        ? new Reply(204)
        : call.Fail(ProblemKind.NotFound, "company"));

    private static JsonObject Company(string id, string name, string zone) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["status"] = "active",
        ["time_zone"] = zone,
        ["created_at"] = "2025-03-01T09:00:00.000-05:00",
        ["disabled_at"] = null,
    };

    [GeneratedRegex("^(UTC|(Africa|America|Asia|Atlantic|Australia|Europe|Pacific)/[A-Za-z_]+(/[A-Za-z_]+)?)$")]
    private static partial Regex TimeZonePattern();
}
