using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>
/// The address book: 201-202 to read, 301-320 to delete (each answers 204 once, then 404, per server), and
/// created contacts from 5001 on.
/// </summary>
internal sealed class Contacts
{
    private static readonly string[] TextFields = ["firstName", "lastName", "businessPhone"];
    private static readonly DateTimeOffset Modified = new(2025, 3, 20, 8, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, JsonObject> book = new(StringComparer.Ordinal);
    private int lastId = 5000;

    public Contacts()
    {
        book["201"] = Contact("Ada", "Lovelace");
        book["202"] = Contact("Alan", "Turing");
        for (var id = 301; id <= 320; id++)
        {
            book[id.ToString(CultureInfo.InvariantCulture)] = Contact("Temp", $"Contact {id}");
        }
    }

    public Reply Create(Call call)
    {
        if (Accounts.Check(call) is { } denied)
        {
            return denied;
        }

        var body = call.Body;
        if (body["email"] is { } email && !Fields.IsEmail(email))
        {
            return call.Fail(ProblemKind.InvalidField, "email");
        }

        var invalid = TextFields.FirstOrDefault(name => body[name] is { } value && Fields.Text(value) is null);
        if (invalid is not null)
        {
            return call.Fail(ProblemKind.InvalidField, invalid);
        }

        var id = Interlocked.Increment(ref lastId).ToString(CultureInfo.InvariantCulture);
        var contact = (JsonObject)body.DeepClone();
        book[id] = contact;
        var path = $"/restapi/v1.0/account/{Accounts.Id}/extension/101/address-book/contact/{id}";
        return Reply.Ok(WithLinks(call, id, contact), 201).WithHeader("Location", call.Link(path));
    }

    public Reply Get(Call call)
    {
        var id = call.Route("contactId");
        return Accounts.Check(call) ?? (book.TryGetValue(id, out var contact)
            ? Conditional.Respond(call, WithLinks(call, id, contact), Modified)
            : call.Fail(ProblemKind.NotFound, "contactId"));
    }

    public Reply Delete(Call call) => Accounts.Check(call) ?? (book.TryRemove(call.Route("contactId"), out _)
        ? new Reply(204)
        : call.Fail(ProblemKind.NotFound, "contactId"));

    private static JsonObject Contact(string first, string last) => new() { ["firstName"] = first, ["lastName"] = last };

    private static JsonObject WithLinks(Call call, string id, JsonObject contact)
    {
        var result = new JsonObject
        {
            ["id"] = int.Parse(id, CultureInfo.InvariantCulture),
            ["uri"] = call.Link($"/restapi/v1.0/account/{Accounts.Id}/extension/101/address-book/contact/{id}"),
        };
        foreach (var (name, value) in contact)
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }
}
