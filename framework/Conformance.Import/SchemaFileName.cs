using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Import;

/// <summary>
/// The pack-relative file of a schema name (a component's, or an inline one's): <c>schemas/{name}.schema.json</c>, with
/// what a file name cannot hold replaced by <c>-</c>. A name longer than <see cref="MaxStem"/> characters (a file name
/// takes 255 bytes) keeps its first characters and ends in <c>-</c> and 16 hex digits of the SHA-256 of the whole
/// name: the same name gives the same file on every run, two long names with the same start two files.
/// </summary>
internal static partial class SchemaFileName
{
    /// <summary>The longest name kept as it is: 200 characters and <c>.schema.json</c> leave room under 255 bytes.</summary>
    public const int MaxStem = 200;

    private const int HashDigits = 16;

    public static string For(string name)
    {
        var stem = Unsafe().Replace(name, "-");
        return stem.Length > MaxStem ? Hashed(name, stem) : $"schemas/{stem}.schema.json";
    }

    /// <summary>The file of a name whose plain file another name already has: the stem cut to leave room, then <c>-</c> and 16 hex digits of the SHA-256 of the whole name.</summary>
    public static string Distinct(string name) => Hashed(name, Unsafe().Replace(name, "-"));

    private static string Hashed(string name, string stem)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashDigits];
        return $"schemas/{stem[..Math.Min(stem.Length, MaxStem - HashDigits - 1)]}-{hash}.schema.json";
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Unsafe();
}
