using Conformance.Pact.Interop;

namespace Conformance.Pact;

/// <summary>What the rest of Conformance may show about libpact_ffi in reports and failures.</summary>
public static class PactDiagnostics
{
    /// <summary>The loaded library's version, e.g. "0.5.8".</summary>
    public static string LibraryVersion => PactLibrary.Version;

    /// <summary>
    /// The last <paramref name="lines"/> lines the library logged (level INFO, kept in memory) since the previous
    /// read; reading takes them out. <see cref="PactException"/> messages already carry this tail.
    /// </summary>
    public static string RecentLog(int lines = 40) => PactLog.Tail(lines);
}
