using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>
/// Addresses of the account: ...100 has numbers linked (403 ADDRESS_CANNOT_BE_DELETED); ...301 to ...320 delete
/// once per server (200 with JSON, then 400 ADDRESS_NOT_FOUND).
/// </summary>
internal sealed class Addresses
{
    public const string Account = "AC00000000000000000000000000000001";
    public const string Linked = "AD00000000000000000000000000000100";
    private readonly ConcurrentDictionary<string, bool> live = new(StringComparer.Ordinal);

    public Addresses()
    {
        for (var n = 301; n <= 320; n++)
        {
            live["AD" + n.ToString("D32", CultureInfo.InvariantCulture)] = true;
        }
    }

    public Reply Delete(Call call)
    {
        if (call.Route("AccountSid") != Account)
        {
            return call.Fail(ProblemKind.NotFound, "AccountSid", "ACCOUNT_NOT_FOUND", "A matching account could not be found.");
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
}
