using Conformance.Contracts;
using Conformance.Probing;

namespace Conformance.Pact.Export;

/// <summary>
/// Turns a recorded probe into a pact request, placing the credential as the pack's auth scheme says (as the
/// probe client does). Only the pack's sample token or <see cref="Placeholder"/> ever reaches a probe here.
/// </summary>
internal static class RequestMapper
{
    /// <summary>The credential written when the pack has no sample token.</summary>
    public const string Placeholder = "REPLACE-WITH-TOKEN";

    public static string CredentialFor(ApiPack pack) => pack.Auth?.Sample ?? Placeholder;

    public static PactRequest Map(ProbeRequest probe, AuthScheme? auth)
    {
        var wire = probe.Placed(auth);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in wire.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers[name] = value;
        }

        var query = wire.Query.ToList();
        if (probe.Body is not null)
        {
            headers["Content-Type"] = probe.ContentType ?? "application/json";
        }

        return new PactRequest(probe.Method, probe.Path, query, headers, probe.Body);
    }
}
