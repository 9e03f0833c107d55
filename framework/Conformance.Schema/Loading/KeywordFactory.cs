using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Loading;

/// <summary>Builds the keyword evaluators of one schema object, reporting every problem it finds.</summary>
internal static partial class KeywordFactory
{
    public static List<Keyword> CreateAll(KeywordScope scope)
    {
        var keywords = new List<Keyword>();
        var dialect = scope.Dialect;
        if (dialect.RefOverridesSiblings && scope.Schema.TryGetProperty("$ref", out var reference))
        {
            Add(keywords, CreateReference(scope, "$ref", reference));
            return keywords;
        }

        foreach (var property in scope.Schema.EnumerateObject())
        {
            if (!KeywordTable.IsKnown(dialect, property.Name))
            {
                ReportUnknown(scope, property.Name, property.Value);
                continue;
            }

            if (KeywordTable.IsActive(dialect, property.Name))
            {
                Add(keywords, Create(scope, property.Name, property.Value));
            }
        }

        return keywords;
    }

    private static void Add(List<Keyword> keywords, Keyword? keyword)
    {
        if (keyword is not null)
        {
            keywords.Add(keyword);
        }
    }

    private static void ReportUnknown(KeywordScope scope, string name, JsonElement value)
    {
        var suggestion = Suggest.Closest(name, KeywordTable.Names(scope.Dialect));
        if (!scope.Options.StrictKeywords)
        {
            if (scope.Options.MisspeltKeywords && suggestion is not null && MisspeltKeyword.Is(name, value, suggestion))
            {
                scope.Report(SchemaErrorCodes.UnknownKeyword, name, true, $"unknown keyword \"{name}\"",
                    $"it is not a keyword of {DialectNames.Of(scope.Dialect.Dialect)}, so a validator ignores it and the schema checks less than it seems to",
                    $"did you mean \"{suggestion}\"? (an annotation of your own: name it x-{name})");
            }

            return;
        }

        var fix = suggestion is null
            ? "remove it, or turn StrictKeywords off to allow extension keywords"
            : $"did you mean \"{suggestion}\"?";
        scope.Report(SchemaErrorCodes.UnknownKeyword, name, true, $"unknown keyword \"{name}\"",
            $"it is not a keyword of {DialectNames.Of(scope.Dialect.Dialect)} and StrictKeywords is on", fix);
    }

    private static Keyword? Create(KeywordScope scope, string name, JsonElement value) => name switch
    {
        "$ref" or "$dynamicRef" or "$recursiveRef" => CreateReference(scope, name, value),
        "$schema" => CheckSchema(scope, value),
        "type" => CreateType(scope, value),
        "enum" => value.ValueKind == JsonValueKind.Array ? new EnumKeyword(scope.AbsoluteLocation(name), value.Clone()) : Invalid(scope, name, "an array"),
        "const" => new ConstKeyword(scope.AbsoluteLocation(name), value.Clone()),
        "multipleOf" => CreateMultipleOf(scope, value),
        "maximum" or "minimum" or "exclusiveMaximum" or "exclusiveMinimum" => CreateLimit(scope, name, value),
        "maxLength" or "minLength" or "maxItems" or "minItems" or "maxProperties" or "minProperties" => CreateCount(scope, name, value),
        "pattern" => CreatePattern(scope, value),
        "items" or "prefixItems" or "additionalItems" => CreateItems(scope, name, value),
        "contains" => CreateContains(scope, value),
        "uniqueItems" => value.ValueKind == JsonValueKind.True ? new UniqueItemsKeyword(scope.AbsoluteLocation(name)) : null,
        "properties" or "patternProperties" or "additionalProperties" or "propertyNames" => CreateObjectApplicator(scope, name, value),
        "required" => CreateRequired(scope, value),
        "dependentRequired" or "dependentSchemas" or "dependencies" => CreateDependencies(scope, name, value),
        "allOf" or "anyOf" or "oneOf" or "not" or "if" => CreateLogic(scope, name, value),
        "unevaluatedProperties" or "unevaluatedItems" => CreateUnevaluated(scope, name),
        "format" => CreateFormat(scope, value),
        "contentEncoding" or "contentMediaType" => CreateContent(scope, name, value),
        _ => null,
    };

    private static Keyword? Invalid(KeywordScope scope, string name, string expectation)
    {
        scope.Invalid(name, expectation);
        return null;
    }

    private static Keyword? CheckSchema(KeywordScope scope, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && scope.Compiler.Index.Dialects.Resolve(value.GetString()!) is not null)
        {
            return null;
        }

        scope.Report(SchemaErrorCodes.UnknownDialect, "$schema", false, $"unknown dialect {ValueText(value)}",
            "it is neither a supported JSON Schema metaschema URI nor a registered metaschema",
            "use https://json-schema.org/draft/2020-12/schema, https://json-schema.org/draft/2019-09/schema or http://json-schema.org/draft-07/schema# (or -06, -04)");
        return null;
    }

    private static string ValueText(JsonElement value) => Json.ValueText.Show(value);

    private static Keyword? CreateReference(KeywordScope scope, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid(scope, name, "a URI reference string");
        }

        var text = value.GetString()!;
        var target = scope.Compiler.Resolve(text, scope.Location, scope.Info, name);
        if (target is null)
        {
            return null;
        }

        var location = scope.AbsoluteLocation(name);
        return name switch
        {
            "$dynamicRef" => new DynamicRefKeyword(location, target, DynamicAnchorName(text)),
            "$recursiveRef" => new RecursiveRefKeyword(location, target),
            _ => new RefKeyword(location, target),
        };
    }

    private static string? DynamicAnchorName(string reference)
    {
        var fragment = UriUtil.Fragment(reference);
        return fragment.Length > 0 && fragment[0] != '/' ? fragment : null;
    }
}
