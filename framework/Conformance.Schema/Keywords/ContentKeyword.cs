using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary>
/// draft-07 <c>contentEncoding: "base64"</c> and <c>contentMediaType: "application/json"</c> as assertions (the suite's
/// optional content file): the string must decode, and the (decoded) text must parse as JSON. 2019-09 and later keep
/// both as annotations, so this keyword is built for draft-07 only.
/// </summary>
internal sealed class ContentKeyword(string name, string location, bool base64, bool json) : Keyword(name, location)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var text = instance.GetString()!;
        byte[] bytes;
        if (base64)
        {
            if (!TryDecode(text, out bytes))
            {
                // With both keywords, contentEncoding reports the bad base64 and contentMediaType has nothing to parse.
                if (json)
                {
                    return true;
                }

                context.AddError(this, $"expected base64 text (contentEncoding \"base64\") but got {ValueText.Show(instance)}: {Base64Problem(text)}");
                return false;
            }
        }
        else
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(text);
        }

        if (!json || ParseProblem(bytes) is not { } problem)
        {
            return true;
        }

        context.AddError(this, base64
            ? $"expected base64-encoded JSON (contentMediaType \"application/json\", contentEncoding \"base64\") but {ValueText.Show(instance)} decodes to {Shown(bytes)}, which {problem}"
            : $"expected a JSON document (contentMediaType \"application/json\") but got {ValueText.Show(instance)}, which {problem}");
        return false;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static string Base64Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal) && !char.IsWhiteSpace(text[i]))
            {
                return $"{ValueText.Quote(text[i].ToString())} at index {i} is not a base64 character (A-Z, a-z, 0-9, +, / and = padding)";
            }
        }

        return $"its {text.Length} characters do not make whole groups of 4 with = padding only at the end";
    }

    private static string? ParseProblem(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return null;
        }
        catch (JsonException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            return $"does not parse at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {reason}";
        }
    }

    private static string Shown(byte[] bytes) => ValueText.Truncate(JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(bytes)));
}
