using System.Text.Json;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>One parsed JSON document that schemas live in, with its text kept for line/column positions.</summary>
internal sealed class SchemaDocument
{
    private readonly Lazy<PositionMap> positions;

    private SchemaDocument(string uri, string text, string sourcePath, JsonElement root, JsonException? error, PositionMap? map = null)
    {
        Uri = uri;
        Text = text;
        SourcePath = sourcePath;
        Root = root;
        Error = error;
        positions = map is null ? new Lazy<PositionMap>(() => PositionMap.Build(text)) : new Lazy<PositionMap>(map);
    }

    /// <summary>Retrieval URI (normalized, no fragment).</summary>
    public string Uri { get; }

    public string Text { get; }

    /// <summary>Path shown in diagnostics.</summary>
    public string SourcePath { get; }

    public JsonElement Root { get; }

    /// <summary>Set when the text is not valid JSON; <see cref="Root"/> is then undefined.</summary>
    public JsonException? Error { get; }

    public PositionMap Positions => positions.Value;

    public static SchemaDocument Create(string uri, string text, string sourcePath)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4096 });

            // A repeated name would be read with one value and reported at the other's place: refused as CT0201.
            var map = PositionMap.Build(text);
            if (map.Duplicate is { } twice)
            {
                var error = new JsonException($"the object names \"{twice.Name}\" twice, so readers may take either value", null, twice.Line - 1, twice.Column - 1);
                return new SchemaDocument(UriUtil.Key(uri), text, sourcePath, default, error, map);
            }

            return new SchemaDocument(UriUtil.Key(uri), text, sourcePath, document.RootElement.Clone(), null, map);
        }
        catch (JsonException ex)
        {
            return new SchemaDocument(UriUtil.Key(uri), text, sourcePath, default, ex);
        }
    }
}
