using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>The file-descriptor calls <see cref="QuietStandardOutput"/> needs (Unix only).</summary>
internal static partial class Libc
{
    /// <summary>open(2) flag: write only.</summary>
    public const int WriteOnly = 1;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dup")]
    public static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    public static partial int Dup2(int from, int to);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int descriptor);
}
