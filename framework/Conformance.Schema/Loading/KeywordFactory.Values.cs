using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Loading;

/// <summary>Assertion keywords on scalar values.</summary>
internal static partial class KeywordFactory
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "object", "array", "string", "number", "integer", "boolean", "null" };

    private static Keyword? CreateType(KeywordScope scope, JsonElement value)
    {
        var names = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(v => v.GetString()!).ToList(),
            _ => null,
        };
        if (names is null || !names.TrueForAll(TypeNames.Contains))
        {
            return Invalid(scope, "type", "a type name (object, array, string, number, integer, boolean, null) or an array of them");
        }

        return new TypeKeyword(scope.AbsoluteLocation("type"), names, scope.Dialect.Dialect == Dialect.Draft4);
    }

    private static Keyword? CreateMultipleOf(KeywordScope scope, JsonElement value)
    {
        if (!scope.TryNumber("multipleOf", value, out var divisor))
        {
            return null;
        }

        return divisor.Exact is { IsZero: false, Negative: false }
            ? new MultipleOfKeyword(scope.AbsoluteLocation("multipleOf"), divisor)
            : Invalid(scope, "multipleOf", "a number greater than 0");
    }

    private static Keyword? CreateLimit(KeywordScope scope, string name, JsonElement value)
    {
        var draft4 = scope.Dialect.Dialect == Dialect.Draft4;
        if (name.StartsWith("exclusive", StringComparison.Ordinal) && draft4)
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Invalid(scope, name, "a boolean (draft-04)");
        }

        if (!scope.TryNumber(name, value, out var limit))
        {
            return null;
        }

        var location = scope.AbsoluteLocation(name);
        var exclusive = name.StartsWith("exclusive", StringComparison.Ordinal);
        if (draft4)
        {
            var flag = name == "maximum" ? "exclusiveMaximum" : "exclusiveMinimum";
            exclusive = scope.Schema.TryGetProperty(flag, out var e) && e.ValueKind == JsonValueKind.True;
        }

        return name is "maximum" or "exclusiveMaximum"
            ? new MaximumKeyword(name, location, limit, exclusive)
            : new MinimumKeyword(name, location, limit, exclusive);
    }

    private static Keyword? CreateCount(KeywordScope scope, string name, JsonElement value)
    {
        if (!scope.TryCount(name, value, out var count))
        {
            return null;
        }

        var location = scope.AbsoluteLocation(name);
        return name switch
        {
            "maxLength" => new MaxLengthKeyword(location, count),
            "minLength" => new MinLengthKeyword(location, count),
            "maxItems" => new MaxItemsKeyword(location, count),
            "minItems" => new MinItemsKeyword(location, count),
            "maxProperties" => new MaxPropertiesKeyword(location, count),
            _ => new MinPropertiesKeyword(location, count),
        };
    }

    private static Keyword? CreatePattern(KeywordScope scope, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid(scope, "pattern", "a regular expression string");
        }

        var pattern = value.GetString()!;
        var regex = CompileRegex(scope, "pattern", pattern, false);
        return regex is null ? null : new PatternKeyword(scope.AbsoluteLocation("pattern"), pattern, regex);
    }

    private static EcmaRegex? CompileRegex(KeywordScope scope, string keyword, string pattern, bool isKey)
    {
        var regex = RegexCache.TryGet(pattern, scope.Options.RegexTimeout, out var error, scope.Options.LinearPatterns);
        if (regex is null)
        {
            scope.Compiler.Diagnostics.Add(SchemaErrorCodes.InvalidRegex, isKey ? scope.Location.Child(keyword).Child(pattern) : scope.Location.Child(keyword),
                isKey, $"\"{keyword}\" has an invalid regular expression \"{pattern}\"", error ?? "it does not compile",
                "write an ECMA-262 regular expression (escape backslashes as \\\\ in JSON)");
        }

        return regex;
    }

    /// <summary>draft-07 only: base64 and application/json content as assertions (the suite's optional content file).</summary>
    private static ContentKeyword? CreateContent(KeywordScope scope, string name, JsonElement value)
    {
        if (scope.Dialect.Dialect != Dialect.Draft7 || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var base64 = scope.TryGet("contentEncoding", out var encoding) && encoding.ValueKind == JsonValueKind.String && encoding.GetString() == "base64";
        var json = scope.TryGet("contentMediaType", out var media) && media.ValueKind == JsonValueKind.String && media.GetString() == "application/json";
        var otherEncoding = !base64 && scope.TryGet("contentEncoding", out _);
        return (name == "contentEncoding" && base64) || (name == "contentMediaType" && json && !otherEncoding)
            ? new ContentKeyword(name, scope.AbsoluteLocation(name), base64, name == "contentMediaType")
            : null;
    }

    private static Keyword? CreateRequired(KeywordScope scope, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || !value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return Invalid(scope, "required", "an array of property names");
        }

        var names = value.EnumerateArray().Select(v => v.GetString()!).ToArray();
        return names.Length == 0 ? null : new RequiredKeyword(scope.AbsoluteLocation("required"), names);
    }

    private static Keyword? CreateUnevaluated(KeywordScope scope, string name)
    {
        scope.Compiler.UsesUnevaluated = true;
        var schema = scope.Sub(name);
        var isFalse = scope.Schema.GetProperty(name).ValueKind == JsonValueKind.False;
        var location = scope.AbsoluteLocation(name);
        return name == "unevaluatedProperties"
            ? new UnevaluatedPropertiesKeyword(location, schema, isFalse)
            : new UnevaluatedItemsKeyword(location, schema, isFalse);
    }

    private static FormatKeyword? CreateFormat(KeywordScope scope, JsonElement value)
    {
        if (scope.Options.MisspeltFormats && value.ValueKind == JsonValueKind.String && MisspeltFormat.Meant(value.GetString()!, scope.Dialect.Dialect) is [_, ..] meant)
        {
            var format = value.GetString()!;
            scope.Report(SchemaErrorCodes.UnknownFormat, "format", false, $"unknown format \"{format}\"",
                "no format of that name is known, so it checks nothing and the value may be anything",
                $"did you mean {MisspeltFormat.List(meant)}? (a format of your own: name it x-{format})");
        }

        var asserting = scope.Options.FormatAssertion
            || (scope.Dialect.Has(Vocabularies.FormatAssertion) && scope.Dialect.Dialect >= Dialect.Draft202012);
        if (!asserting || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var check = Formats.FormatCheckers.Find(value.GetString()!, scope.Dialect.Dialect);
        return check is null ? null : new FormatKeyword(scope.AbsoluteLocation("format"), value.GetString()!, check);
    }
}
