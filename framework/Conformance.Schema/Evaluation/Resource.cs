namespace Conformance.Schema.Evaluation;

/// <summary>A schema resource (a document root or a subschema with an $id); the unit of the dynamic scope.</summary>
internal sealed class Resource(string uri)
{
    public string Uri { get; } = uri;

    /// <summary>2020-12 $dynamicAnchor name to compiled subschema (filled by the compiler).</summary>
    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    /// <summary>2019-09 <c>$recursiveAnchor: true</c> on the resource root.</summary>
    public bool RecursiveAnchor { get; set; }

    /// <summary>The compiled resource root, set when something needs it ($recursiveRef).</summary>
    public SchemaNode? Root { get; set; }
}
