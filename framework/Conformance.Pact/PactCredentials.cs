using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Pact.Export;

namespace Conformance.Pact;

/// <summary>
/// Puts a target's own credential into exported pacts before they are verified against it. Exported pacts carry the
/// pack's sample credential (configured tokens never reach a pact file). Only a request value equal to that sample,
/// placed as the pack's auth scheme places it, is replaced: interactions sent without a credential or with a
/// deliberately wrong one stay as exported, so `no_auth` and `bad_auth` still expect their 401.
/// </summary>
public static class PactCredentials
{
    /// <summary>The credential an exported pact carries for a pack with this auth scheme.</summary>
    public static string Exported(AuthScheme auth) => auth.Sample ?? RequestMapper.Placeholder;

    /// <summary>The pact with each request's exported credential replaced by <paramref name="credential"/>, and how many were replaced.</summary>
    public static (string Json, int Replaced) Rewrite(string pactJson, AuthScheme auth, string credential)
    {
        var pact = JsonNode.Parse(pactJson) ?? throw new InvalidOperationException("The pact is JSON null.");
        var swap = new CredentialSwap(auth, credential);
        var replaced = 0;
        foreach (var request in (pact["interactions"] as JsonArray ?? []).Select(i => i?["request"]).OfType<JsonObject>())
        {
            if (auth.Header is { } header && request["headers"] is JsonObject headers)
            {
                foreach (var name in headers.Select(h => h.Key).Where(k => k.Equals(header, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    headers[name] = Replace(headers[name], swap.Swapped, ref replaced);
                }
            }

            if (auth.QueryParameter is { } parameter && request["query"] is JsonObject query && query[parameter] is { } value)
            {
                query[parameter] = Replace(value, v => v == swap.From ? swap.To : null, ref replaced);
            }
        }

        return (pact.ToJsonString(), replaced);
    }

    /// <summary>A value is a string (pact v2/v3 headers) or a list of strings (v3 query, v4 headers); <paramref name="swapped"/> gives a string's replacement, or null to keep it.</summary>
    private static JsonNode? Replace(JsonNode? value, Func<string, string?> swapped, ref int replaced)
    {
        switch (value)
        {
            case JsonValue single when single.TryGetValue<string>(out var text) && swapped(text) is { } swap:
                replaced++;
                return JsonValue.Create(swap);
            case JsonArray list:
                var copy = new JsonArray();
                foreach (var item in list)
                {
                    copy.Add(Replace(item?.DeepClone(), swapped, ref replaced));
                }

                return copy;
            default:
                return value?.DeepClone();
        }
    }
}
