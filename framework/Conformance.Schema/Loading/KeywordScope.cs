using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>Everything a keyword needs while compiling: its schema object, siblings, dialect and the compiler.</summary>
internal sealed class KeywordScope(Compiler compiler, Location location, NodeInfo info, JsonElement schema)
{
    public Compiler Compiler => compiler;

    public Location Location => location;

    public NodeInfo Info => info;

    public DialectInfo Dialect => info.Dialect;

    public JsonElement Schema => schema;

    public SchemaOptions Options => compiler.Options;

    public string AbsoluteLocation(string keyword) =>
        info.Resource.Uri + "#" + JsonPointer.ToFragment(location.Pointer[info.ResourcePointer.Length..] + "/" + JsonPointer.Escape(keyword));

    /// <summary>A sibling keyword's value if the dialect has that keyword active.</summary>
    public bool TryGet(string keyword, out JsonElement value) =>
        schema.TryGetProperty(keyword, out value) && KeywordTable.IsActive(Dialect, keyword);

    public SchemaNode Sub(string keyword) => compiler.Node(location.Child(keyword));

    public SchemaNode Sub(string keyword, string token) => compiler.Node(location.Child(keyword).Child(token));

    public SchemaNode Sub(string keyword, int index) => compiler.Node(location.Child(keyword).Child(index));

    /// <summary>Reports CT0209 for a keyword value of the wrong shape.</summary>
    public void Invalid(string keyword, string expectation)
    {
        schema.TryGetProperty(keyword, out var value);
        compiler.Diagnostics.Add(SchemaErrorCodes.InvalidKeywordValue, location.Child(keyword), false,
            $"\"{keyword}\" must be {expectation}", $"found {ValueText.TypeName(value)} {ValueText.Show(value)}",
            $"give \"{keyword}\" {expectation}");
    }

    public void Report(string code, string keyword, bool atKey, string what, string why, string fix) =>
        compiler.Diagnostics.Add(code, location.Child(keyword), atKey, what, why, fix);

    public bool TryNumber(string keyword, JsonElement value, out NumberLimit number)
    {
        if (JsonNumbers.TryRead(value, out number))
        {
            return true;
        }

        Invalid(keyword, "a number");
        return false;
    }

    public bool TryCount(string keyword, JsonElement value, out int count)
    {
        count = 0;
        if (value.ValueKind == JsonValueKind.Number && JsonNumbers.IsInteger(value) && value.GetDouble() >= 0)
        {
            count = value.GetDouble() > int.MaxValue ? int.MaxValue : (int)value.GetDouble();
            return true;
        }

        Invalid(keyword, "a non-negative integer");
        return false;
    }
}
