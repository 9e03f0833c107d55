using System.Collections.Concurrent;
using Conformance.Schema.Loading;

namespace Conformance.Schema;

/// <summary>
/// The documents a <c>$ref</c> may reach. Nothing is fetched from the network: a document is reachable only
/// if it was added here, lies under a directory added here, or is one of the bundled metaschemas.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly ConcurrentDictionary<string, Lazy<SchemaDocument>> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> unreadable = new(StringComparer.Ordinal);
    private readonly List<string> directories = [];
    private readonly Lock gate = new();

    /// <summary>Creates an empty registry.</summary>
    public SchemaRegistry(SchemaOptions? options = null) => Options = options ?? SchemaOptions.Default;

    internal SchemaOptions Options { get; }

    /// <summary>
    /// How a file under an added directory is read when a <c>$ref</c> first reaches it (default <see cref="File.ReadAllText(string)"/>).
    /// It may refuse a file by throwing an <see cref="IOException"/>: the reference is then unresolved, and its error
    /// gives the exception's message as the reason.
    /// </summary>
    public Func<string, string> ReadFile { get; init; } = File.ReadAllText;

    /// <summary>Registers <paramref name="json"/> as the document served at <paramref name="uri"/>.</summary>
    public void Add(Uri uri, string json, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(json);
        var key = UriUtil.Key(uri.OriginalString);
        documents[key] = new Lazy<SchemaDocument>(() => SchemaDocument.Create(key, json, sourcePath ?? key));
    }

    /// <summary>Allows <c>file:</c> references to <c>*.json</c> files under <paramref name="root"/>; files are read on first use.</summary>
    public void AddDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        lock (gate)
        {
            directories.Add(full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar);
        }
    }

    internal SchemaDocument? Find(string uri)
    {
        var key = UriUtil.WithoutFragment(uri);
        if (documents.TryGetValue(key, out var found))
        {
            return found.Value;
        }

        var bundled = Metaschemas.Find(key);
        if (bundled is not null)
        {
            return bundled;
        }

        return TryFile(key);
    }

    private SchemaDocument? TryFile(string key)
    {
        if (!Uri.TryCreate(key, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return null;
        }

        var path = Path.GetFullPath(uri.LocalPath);
        bool allowed;
        lock (gate)
        {
            allowed = directories.Exists(d => path.StartsWith(d, StringComparison.Ordinal));
        }

        if (!allowed || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return null;
        }

        if (documents.TryGetValue(key, out var read))
        {
            return read.Value;
        }

        string text;
        try
        {
            text = ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            unreadable[key] = ex.Message.TrimEnd('.');
            return null;
        }

        return documents.GetOrAdd(key, k => new Lazy<SchemaDocument>(() => SchemaDocument.Create(k, text, path))).Value;
    }

    /// <summary>Why the file at <paramref name="uri"/> (fragment ignored) could not be read when a reference reached it; null when it was not refused.</summary>
    internal string? Unreadable(string uri) => unreadable.GetValueOrDefault(UriUtil.Key(uri));
}
