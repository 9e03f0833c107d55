using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>
/// libpact_ffi 0.5.x verifier entry points. The handle is an opaque pointer released by
/// <c>pactffi_verifier_shutdown</c>. The C API's <c>c_uchar</c> flags are read as "greater than zero".
/// </summary>
internal static partial class NativeMethods
{
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr pactffi_verifier_new_for_application(string name, string version);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial void pactffi_verifier_shutdown(IntPtr handle);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_provider_info(
        IntPtr handle, string name, string scheme, string host, ushort port, string path);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_provider_state(
        IntPtr handle, string? url, [MarshalAs(UnmanagedType.U1)] bool teardown, [MarshalAs(UnmanagedType.U1)] bool body);

    /// <summary>Request timeout in milliseconds (C <c>unsigned long</c>). Returns 0 on success.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial int pactffi_verifier_set_verification_options(
        IntPtr handle, [MarshalAs(UnmanagedType.U1)] bool disableSslVerification, CULong requestTimeout);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial int pactffi_verifier_set_coloured_output(IntPtr handle, [MarshalAs(UnmanagedType.U1)] bool coloured);

    /// <summary>Returns nothing (void in libpact_ffi 0.5.x).</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial void pactffi_verifier_set_follow_redirects(IntPtr handle, [MarshalAs(UnmanagedType.U1)] bool followRedirects);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial int pactffi_verifier_set_no_pacts_is_error(IntPtr handle, [MarshalAs(UnmanagedType.U1)] bool isError);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_custom_header(IntPtr handle, string name, string value);

    /// <summary>Only interactions whose description matches the (Rust) regex, searched, not anchored; null state filters.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_filter_info(
        IntPtr handle, string? filterDescription, string? filterState, [MarshalAs(UnmanagedType.U1)] bool filterNoState);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_file_source(IntPtr handle, string file);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_directory_source(IntPtr handle, string directory);

    /// <summary>Selectors are JSON documents. Returns 0, or -1 when a selector is not valid JSON.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_verifier_broker_source_with_selectors(
        IntPtr handle,
        string url,
        string? username,
        string? password,
        string? token,
        [MarshalAs(UnmanagedType.U1)] bool enablePending,
        string? includeWipPactsSince,
        string[]? providerTags,
        ushort providerTagsLength,
        string? providerBranch,
        string[]? consumerVersionSelectors,
        ushort consumerVersionSelectorsLength,
        string[]? consumerVersionTags,
        ushort consumerVersionTagsLength);

    /// <summary>
    /// Publishes the results of pacts that came from a broker (to each pact's <c>pb:publish-verification-results</c>
    /// link) after <c>pactffi_verifier_execute</c>. Tags are a C array of strings. Returns 0, or -1 for a null handle
    /// or provider version.
    /// </summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_verifier_set_publish_options(
        IntPtr handle,
        string providerVersion,
        string? buildUrl,
        string[]? providerTags,
        ushort providerTagsLength,
        string? providerBranch);

    /// <summary>0 all passed, 1 verification failed, 2 the verifier could not run.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial int pactffi_verifier_execute(IntPtr handle);

    /// <summary>Result JSON allocated for the caller: free with <c>pactffi_string_delete</c>.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial IntPtr pactffi_verifier_json(IntPtr handle);

    /// <summary>Console output allocated for the caller: free with <c>pactffi_string_delete</c>.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial IntPtr pactffi_verifier_output(IntPtr handle, [MarshalAs(UnmanagedType.U1)] bool stripAnsi);
}
