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
    private static readonly Lock Gate = new();

    // Verifications of several providers run at once: the first to enter points fd 1 away, the last to leave restores
    // it (each saving and restoring on its own would leave fd 1 at /dev/null when they overlap).
    private static int depth;
    private static int saved = -1;
    private bool entered;

    public QuietStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (Gate)
        {
            entered = true;
            if (depth++ == 0)
            {
                saved = Silence();
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (!entered)
            {
                return;
            }

            entered = false;
            if (--depth == 0 && saved >= 0)
            {
                _ = Dup2(saved, StandardOutput);
                _ = Close(saved);
                saved = -1;
            }
        }
    }

    /// <summary>Points fd 1 at /dev/null; returns a copy of the previous fd 1, or -1 when nothing changed.</summary>
    private static int Silence()
    {
        Console.Out.Flush();
        var sink = Open("/dev/null", WriteOnly);
        if (sink < 0)
        {
            return -1;
        }

        var copy = Dup(StandardOutput);
        if (copy >= 0 && Dup2(sink, StandardOutput) < 0)
        {
            _ = Close(copy);
            copy = -1;
        }

        _ = Close(sink);
        return copy;
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
