using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>
/// Addresses of the account: ...100 has numbers linked (403 ADDRESS_CANNOT_BE_DELETED); ...301 to ...320 delete
/// once per server (200 with JSON, then 400 ADDRESS_NOT_FOUND); created ones (Street, City, PostalCode and Country
/// required) from ...A001 on, deletable the same way.
/// </summary>
internal sealed class Addresses
{
    public const string Account = "AC00000000000000000000000000000001";
    public const string Linked = "AD00000000000000000000000000000100";
    private static readonly string[] Required = ["Street", "City", "PostalCode", "Country"];
    private readonly ConcurrentDictionary<string, bool> live = new(StringComparer.Ordinal);
    private int created = 0xA000;

    public Addresses()
    {
        for (var n = 301; n <= 320; n++)
        {
            live["AD" + n.ToString("D32", CultureInfo.InvariantCulture)] = true;
        }
    }

    public Reply Create(Call call)
    {
        if (Unknown(call) is { } denied)
        {
            return denied;
        }

        var body = call.Body;
        if (Required.FirstOrDefault(f => Fields.Text(body[f]) is null) is { } field)
        {
            return body[field] is null ? call.Fail(ProblemKind.MissingField, field) : call.Fail(ProblemKind.InvalidField, field);
        }

        if (body["FriendlyName"] is { } name && Fields.Text(name) is null)
        {
            return call.Fail(ProblemKind.InvalidField, "FriendlyName");
        }

        var sid = "AD" + Interlocked.Increment(ref created).ToString("X32", CultureInfo.InvariantCulture);
        live[sid] = true;
        var address = new JsonObject { ["AddressSid"] = sid };
        foreach (var key in Required.Prepend("FriendlyName").Where(k => body[k] is not null))
        {
            address[key] = body[key]!.DeepClone();
        }

        return Reply.Ok(new JsonObject { ["Address"] = address });
    }

    public Reply Delete(Call call)
    {
        if (Unknown(call) is { } denied)
        {
            return denied;
        }

        var sid = call.Route("AddressSid");
        if (sid == Linked)
        {
            return call.Fail(ProblemKind.Forbidden, "AddressSid", "ADDRESS_CANNOT_BE_DELETED",
                "The address cannot be deleted: numbers are still linked to it.");
        }

        return live.TryRemove(sid, out _)
            ? Reply.Ok(new JsonObject { ["AddressSid"] = sid, ["Deleted"] = true })
            : call.Fail(ProblemKind.NotFound, "AddressSid", "ADDRESS_NOT_FOUND", "A matching address could not be found.");
    }

    private static Reply? Unknown(Call call) => call.Route("AccountSid") == Account
        ? null
        : call.Fail(ProblemKind.NotFound, "AccountSid", "ACCOUNT_NOT_FOUND", "A matching account could not be found.");
}
