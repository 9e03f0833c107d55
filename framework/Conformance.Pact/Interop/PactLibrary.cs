namespace Conformance.Pact.Interop;

/// <summary>Facts about the loaded libpact_ffi.</summary>
internal static class PactLibrary
{
    /// <summary>The library's own version string, e.g. "0.5.8".</summary>
    internal static string Version => NativeStrings.Borrowed(NativeMethods.pactffi_version()) ?? string.Empty;
}
