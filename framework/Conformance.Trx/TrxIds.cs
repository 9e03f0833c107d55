using System.Security.Cryptography;
using System.Text;

namespace Conformance.Trx;

/// <summary>The fixed ids of the TRX format and the deterministic test ids (same test, same id, every run).</summary>
internal static class TrxIds
{
    /// <summary>The <c>testType</c> of a unit test.</summary>
    public static readonly Guid UnitTestType = new("13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b");

    /// <summary>The standard list every result is filed under.</summary>
    public static readonly Guid ResultsNotInAList = new("8c84fa94-04c1-424b-9868-57a2d4851a1d");

    /// <summary>The standard list of all loaded results.</summary>
    public static readonly Guid AllLoadedResults = new("19431567-8539-422a-85d7-44ee4e166bda");

    /// <summary>The test id: the first 16 bytes of the SHA-256 of the fully qualified name (UTF-8).</summary>
    public static Guid ForTest(string fullyQualifiedName)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(fullyQualifiedName), hash);
        return new Guid(hash[..16]);
    }
}
