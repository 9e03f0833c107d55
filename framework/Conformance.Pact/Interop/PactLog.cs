namespace Conformance.Pact.Interop;

/// <summary>
/// Routes libpact_ffi logging to its in-memory buffer, once per process (the logger is global and
/// can be applied only once), and reads that buffer back for diagnostics.
/// </summary>
internal static class PactLog
{
    private static readonly Lazy<int> Setup = new(() => NativeMethods.pactffi_log_to_buffer(LogLevelFilter.Info));

    /// <summary>The status of the one-time setup: 0 when the buffer sink is active.</summary>
    internal static int EnsureBuffer() => Setup.Value;

    /// <summary>The global log buffer's text since the previous fetch (a fetch takes the lines out), or an empty string.</summary>
    internal static string FetchGlobal()
    {
        EnsureBuffer();
        return NativeStrings.Owned(NativeMethods.pactffi_fetch_log_buffer(null)) ?? string.Empty;
    }

    /// <summary>The last <paramref name="lines"/> non-empty lines logged since the previous fetch.</summary>
    internal static string Tail(int lines)
    {
        var all = FetchGlobal().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }
}
