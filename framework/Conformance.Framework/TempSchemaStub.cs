#pragma warning disable
using System.Text.Json;
using System.Text.Json.Nodes;
namespace Conformance.Schema;
public enum Dialect { Draft4, Draft6, Draft7, Draft201909, Draft202012 }
public sealed record SchemaOptions { public Dialect DefaultDialect { get; init; } = Dialect.Draft202012; public bool FormatAssertion { get; init; } }
public sealed class SchemaRegistry { public SchemaRegistry(SchemaOptions? options = null) { } public void AddDirectory(string root) { } }
public sealed class JsonSchema {
    public static SchemaLoadResult Parse(string json, string? sourcePath = null, SchemaOptions? options = null, SchemaRegistry? registry = null, Uri? baseUri = null) => new(new JsonSchema(), []);
    public ValidationResult Validate(JsonElement instance) => new(true, []);
}
public sealed record SchemaLoadResult(JsonSchema? Schema, IReadOnlyList<SchemaDiagnostic> Diagnostics) { public bool Succeeded => Schema is not null && Diagnostics.Count == 0; }
public sealed record SchemaDiagnostic(string Code, string Path, int Line, int Column, string What, string Why, string Fix);
public sealed record ValidationResult(bool IsValid, IReadOnlyList<ValidationError> Errors);
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string AbsoluteKeywordLocation, string Keyword, string Message);
