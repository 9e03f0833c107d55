using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Reporting;

namespace Conformance.Pact;

/// <summary>
/// What a provider handed out in a response, as the verifier's mismatches quote it. libpact_ffi reports each differing
/// value, not the response, so the credentials are read where a row's report reads them in the response
/// (<see cref="ResponseSecrets"/>): a body value under a name like a credential's (the mismatch's path ends in
/// <c>access_token</c>, <c>session_id</c>...; a label shorter than 8 characters, <c>"Bearer"</c>, is none), the value of a
/// cookie the provider sets or of a header named like a credential, credential-named values inside a quoted JSON value or
/// body, and any <c>"name": "value"</c> pair so named a mismatch text quotes.
/// </summary>
internal static partial class MismatchSecrets
{
    /// <summary>The secrets in one interaction's <c>mismatch</c> element (<c>{"type":"mismatches","mismatches":[...]}</c>).</summary>
    public static IReadOnlyList<string> Of(JsonElement detail)
    {
        if (!detail.TryGetProperty("mismatches", out var mismatches) || mismatches.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var secrets = new List<string>();
        foreach (var mismatch in mismatches.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object))
        {
            var actual = Text(mismatch, "actual");
            if (Text(mismatch, "key") is { } header && actual is not null && Redactor.IsCredentialName(header))
            {
                secrets.AddRange(ResponseSecrets.InHeader(header, actual));
            }
            else if (actual is not null)
            {
                secrets.AddRange(InValue(Text(mismatch, "path"), actual));
            }

            foreach (var body in new[] { Text(mismatch, "actualBody"), Text(mismatch, "mismatch") }.OfType<string>())
            {
                secrets.AddRange(ResponseSecrets.InBody(body, null, Redactor.IsCredentialName));
                secrets.AddRange(QuotedPairs(body));
            }
        }

        return secrets.Count == 0 ? [] : [.. secrets.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A body mismatch's actual value (JSON text): a string under a credential's name, or the credentials inside an object or array.</summary>
    private static IEnumerable<string> InValue(string? path, string actual)
    {
        try
        {
            using var value = JsonDocument.Parse(actual);
            return value.RootElement.ValueKind switch
            {
                JsonValueKind.String when path is not null && LastName().Match(path) is { Success: true } name && Redactor.IsCredentialName(name.Groups["name"].Value)
                    => ResponseSecrets.Credential(value.RootElement.GetString()!) is { } secret ? [secret] : [],
                JsonValueKind.Object or JsonValueKind.Array => ResponseSecrets.InBody(actual, null, Redactor.IsCredentialName),
                _ => [],
            };
        }
        catch (JsonException)
        {
            return QuotedPairs(actual);
        }
    }

    /// <summary>Each value of 8 or more characters a text quotes after a credential's name (<c>{"api_key":"..."}</c> in an HTML body, <c>access_token=...</c>).</summary>
    private static IEnumerable<string> QuotedPairs(string text) => PairSecrets.Values(text, Redactor.IsCredentialName);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The last property of a JSONPath: <c>$.user.session_id</c>, <c>$['refresh_token']</c>, <c>$.items[0].token</c>.</summary>
    [GeneratedRegex(@"(?:\.(?<name>[^.\[\]']+)|\['(?<name>[^']+)'\])(?:\[(?:\d+|\*)\])*$")]
    private static partial Regex LastName();
}
