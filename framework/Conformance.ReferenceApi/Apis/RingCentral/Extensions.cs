using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>Extensions 101 and 102: conditional reads, a 302 for "~", 207 batch reads, updates.</summary>
internal static class Extensions
{
    private static readonly DateTimeOffset Modified = new(2025, 3, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, (string First, string Last)> People = new(StringComparer.Ordinal)
    {
        ["101"] = ("Alice", "Carter"),
        ["102"] = ("Grace", "Hopper"),
    };

    public static Reply Get(Call call)
    {
        var id = call.Route("extensionId");
        if (Accounts.Check(call) is { } denied)
        {
            return denied;
        }

        if (id == "~")
        {
            return new Reply(302).WithHeader("Location", call.Link("/restapi/v1.0/account/~/extension/101"));
        }

        if (id.Contains(',', StringComparison.Ordinal))
        {
            return Batch.Respond(call, id.Split(','), part => Find(call, part));
        }

        return Find(call, id) is { } extension
            ? Conditional.Respond(call, extension, Modified)
            : call.Fail(ProblemKind.NotFound, "extensionId");
    }

    public static Reply Update(Call call)
    {
        if (Accounts.Check(call) is { } denied)
        {
            return denied;
        }

        if (Find(call, call.Route("extensionId")) is not { } extension)
        {
            return call.Fail(ProblemKind.NotFound, "extensionId");
        }

        if (call.Body["contact"] is not JsonObject contact)
        {
            return call.Body.ContainsKey("contact")
                ? call.Fail(ProblemKind.InvalidField, "contact")
                : Reply.Ok(extension);
        }

        if (contact["email"] is { } email && !Fields.IsEmail(email))
        {
            return call.Fail(ProblemKind.InvalidField, "contact.email");
        }

        foreach (var (name, value) in contact)
        {
            extension["contact"]![name] = value?.DeepClone();
        }

        return Reply.Ok(extension);
    }

    public static JsonObject? Find(Call call, string id) => People.TryGetValue(id, out var person)
        ? new JsonObject
        {
            ["id"] = int.Parse(id, CultureInfo.InvariantCulture),
            ["uri"] = call.Link($"/restapi/v1.0/account/{Accounts.Id}/extension/{id}"),
            ["extensionNumber"] = id,
            ["name"] = $"{person.First} {person.Last}",
            ["status"] = "Enabled",
            ["type"] = "User",
            ["contact"] = new JsonObject
            {
                ["firstName"] = person.First,
                ["lastName"] = person.Last,
                ["email"] = $"{person.First.ToLowerInvariant()}.{person.Last.ToLowerInvariant()}@example.com",
            },
        }
        : null;
}
