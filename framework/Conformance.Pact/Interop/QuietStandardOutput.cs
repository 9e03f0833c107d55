namespace Conformance.Pact.Interop;

/// <summary>
/// Points the process's standard output (file descriptor 1) at /dev/null until disposed. libpact_ffi's verifier prints
/// its report there by itself, mismatches included, and those can carry what the provider sent back (an echoed token,
/// say); the same report is read from the library and shown redacted per interaction instead. Other writes to standard
/// output in that time are dropped too. Unix only; elsewhere nothing changes.
/// </summary>
internal sealed class QuietStandardOutput : IDisposable
{
    private const int StandardOutput = 1;
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
                _ = Libc.Dup2(saved, StandardOutput);
                _ = Libc.Close(saved);
                saved = -1;
            }
        }
    }

    /// <summary>Points fd 1 at /dev/null; returns a copy of the previous fd 1, or -1 when nothing changed.</summary>
    private static int Silence()
    {
        Console.Out.Flush();
        var sink = Libc.Open("/dev/null", Libc.WriteOnly);
        if (sink < 0)
        {
            return -1;
        }

        var copy = Libc.Dup(StandardOutput);
        if (copy >= 0 && Libc.Dup2(sink, StandardOutput) < 0)
        {
            _ = Libc.Close(copy);
            copy = -1;
        }

        _ = Libc.Close(sink);
        return copy;
    }
}
