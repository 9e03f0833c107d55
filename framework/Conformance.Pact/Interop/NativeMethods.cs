using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>
/// libpact_ffi 0.5.x entry points for the library, logging, strings, pact models and the mock server.
/// Handles are plain integers in the C API: <c>PactHandle</c> is a u16, <c>InteractionHandle</c> a u32.
/// Rust <c>bool</c> is one byte (<c>U1</c>); <c>size_t</c> is <see cref="nuint"/>.
/// </summary>
internal static partial class NativeMethods
{
    static NativeMethods() => PactLibraryResolver.Register();

    /// <summary>Static string owned by the library: never freed.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial IntPtr pactffi_version();

    /// <summary>Frees a string the library handed over (only where its docs say so).</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial void pactffi_string_delete(IntPtr value);

    /// <summary>Sends all logging to the in-memory buffer; returns 0 on success.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial int pactffi_log_to_buffer(LogLevelFilter levelFilter);

    /// <summary>Copy of a log buffer (NULL id: the global one); free with <c>pactffi_string_delete</c>.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr pactffi_fetch_log_buffer(string? logId);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ushort pactffi_new_pact(string consumerName, string providerName);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_specification(ushort pact, PactSpecification version);

    /// <summary>Returns 0 on success, 1 when the handle is not valid.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial uint pactffi_free_pact_handle(ushort pact);

    /// <summary>Returns 0 on success; 1 panic, 2 the file could not be written, 3 no such pact.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_pact_handle_write_file(
        ushort pact, string directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint pactffi_new_interaction(ushort pact, string description);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_upon_receiving(uint interaction, string description);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_given(uint interaction, string description);

    /// <summary>A provider state with parameters (a JSON object). Returns 0 on success; 1 not modifiable, 2 not JSON, 3 bad string.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_given_with_params(uint interaction, string description, string parameters);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_request(uint interaction, string method, string path);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_query_parameter_v2(uint interaction, string name, nuint index, string value);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_header_v2(
        uint interaction, InteractionPart part, string name, nuint index, string value);

    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_body(uint interaction, InteractionPart part, string contentType, string body);

    /// <summary>Adds V3/V4 matching rules (JSON object keyed by category) to one part.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_matching_rules(uint interaction, InteractionPart part, string rules);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_response_status(uint interaction, ushort status);

    /// <summary>The status as JSON: a number, or a matcher such as <c>{"pact:matcher:type":"statusCode","status":[204,404],"value":204}</c>.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_response_status_v2(uint interaction, string status);

    /// <summary>Returns the port, or a negative error (-1 bad handle, -2 bad config, -3 not started, -4 panic, -5 bad address).</summary>
    [LibraryImport(PactLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_create_mock_server_for_transport(
        ushort pact, string address, ushort port, string? transport, string? transportConfig);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_mock_server_matched(int mockServerPort);

    /// <summary>JSON owned by the mock server (released by <c>pactffi_cleanup_mock_server</c>): never freed here.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial IntPtr pactffi_mock_server_mismatches(int mockServerPort);

    /// <summary>Log text owned by the mock server (released by <c>pactffi_cleanup_mock_server</c>): never freed here.</summary>
    [LibraryImport(PactLibraryResolver.LibraryName)]
    internal static partial IntPtr pactffi_mock_server_logs(int mockServerPort);

    [LibraryImport(PactLibraryResolver.LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_cleanup_mock_server(int mockServerPort);
}
