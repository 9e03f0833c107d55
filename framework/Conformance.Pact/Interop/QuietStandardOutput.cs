using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>
/// Points the process's standard output (file descriptor 1) at /dev/null until disposed. libpact_ffi's verifier prints
/// its report there by itself, mismatches included, and those can carry what the provider sent back (an echoed token,
/// say); the same report is read from the library and shown redacted per interaction instead. Other writes to standard
/// output in that time are dropped too. Unix only; elsewhere nothing changes.
/// </summary>
internal sealed partial class QuietStandardOutput : IDisposable
{
    private const int StandardOutput = 1;
    private const int WriteOnly = 1;
    private int saved = -1;

    public QuietStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Console.Out.Flush();
        var sink = Open("/dev/null", WriteOnly);
        if (sink < 0)
        {
            return;
        }

        saved = Dup(StandardOutput);
        if (saved >= 0 && Dup2(sink, StandardOutput) < 0)
        {
            _ = Close(saved);
            saved = -1;
        }

        _ = Close(sink);
    }

    public void Dispose()
    {
        if (saved < 0)
        {
            return;
        }

        _ = Dup2(saved, StandardOutput);
        _ = Close(saved);
        saved = -1;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int from, int to);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
