using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Probing;

/// <summary>
/// JSON as a client or a person writes it: <c>"Widgets &amp; Co"</c>, <c>"Müller"</c>, not <c>"Widgets \u0026 Co"</c>,
/// <c>"M\u00FCller"</c> (System.Text.Json's default escapes for HTML pages). Only quotes, backslashes and control
/// characters are escaped: what request bodies are sent as and what messages quote.
/// </summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";
}
