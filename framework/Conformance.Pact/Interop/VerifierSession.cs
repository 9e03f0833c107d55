using System.Globalization;
using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>One libpact_ffi verifier handle: configure, execute once, read results; disposing shuts it down.</summary>
internal sealed class VerifierSession : IDisposable
{
    private readonly IntPtr handle;
    private bool disposed;

    internal VerifierSession()
    {
        PactLog.EnsureBuffer();
        handle = NativeMethods.pactffi_verifier_new_for_application("Conformance", "1.0.0");
        if (handle == IntPtr.Zero)
        {
            throw PactModel.Failure("libpact_ffi could not create a verifier.");
        }
    }

    internal void Provider(PactVerifierOptions options)
    {
        var uri = options.ProviderBaseUri;
        NativeMethods.pactffi_verifier_set_provider_info(handle, options.ProviderName, uri.Scheme, uri.Host, (ushort)uri.Port, uri.AbsolutePath);
        NativeMethods.pactffi_verifier_set_provider_state(handle, options.ProviderStateChangeUri?.AbsoluteUri, options.StateChangeTeardown, body: true);
        var timeout = new CULong((nuint)Math.Max(1, (long)options.RequestTimeout.TotalMilliseconds));
        Expect(NativeMethods.pactffi_verifier_set_verification_options(handle, disableSslVerification: false, timeout), "set verification options");
        Expect(NativeMethods.pactffi_verifier_set_coloured_output(handle, coloured: false), "turn off coloured output");
        NativeMethods.pactffi_verifier_set_follow_redirects(handle, options.FollowRedirects);
        Expect(NativeMethods.pactffi_verifier_set_no_pacts_is_error(handle, isError: true), "treat no pacts as an error");
        foreach (var (name, value) in options.CustomHeaders)
        {
            NativeMethods.pactffi_verifier_add_custom_header(handle, name, value);
        }

        if (options.OnlyDescriptions is { } only)
        {
            NativeMethods.pactffi_verifier_set_filter_info(handle, $"^(?:{string.Join('|', only.Select(RustRegex.Escape))})$", null, filterNoState: false);
        }

        if (options.Publish is { } publish)
        {
            var tags = publish.ProviderTags.ToArray();
            Expect(
                NativeMethods.pactffi_verifier_set_publish_options(handle, publish.ProviderVersion, publish.BuildUrl?.AbsoluteUri, tags, checked((ushort)tags.Length), publish.ProviderBranch),
                "set the publish options");
        }
    }

    internal void Source(PactSource source)
    {
        switch (source)
        {
            case FolderSource folder:
                NativeMethods.pactffi_verifier_add_directory_source(handle, Path.GetFullPath(folder.Path));
                break;
            case FileSource files:
                foreach (var file in files.Paths)
                {
                    NativeMethods.pactffi_verifier_add_file_source(handle, Path.GetFullPath(file));
                }

                break;
            case PactBrokerSource broker:
                var selectors = broker.ConsumerVersionSelectors.ToArray();
                var status = NativeMethods.pactffi_verifier_broker_source_with_selectors(
                    handle, broker.BrokerUri.AbsoluteUri, broker.Username, broker.Password, broker.Token, broker.EnablePending,
                    null, null, 0, broker.ProviderBranch, selectors, checked((ushort)selectors.Length), null, 0);
                if (status != 0)
                {
                    throw PactModel.Failure($"A consumer version selector is not valid JSON (code {status.ToString(CultureInfo.InvariantCulture)}): {string.Join(", ", selectors)}.");
                }

                break;
            default:
                throw new ArgumentException($"Unknown pact source {source.GetType().Name}.", nameof(source));
        }
    }

    /// <summary>Runs the verification: 0 passed, 1 failed, 2 could not run.</summary>
    internal int Execute() => NativeMethods.pactffi_verifier_execute(handle);

    internal string Json() => NativeStrings.Owned(NativeMethods.pactffi_verifier_json(handle)) ?? "{}";

    internal string Output() => NativeStrings.Owned(NativeMethods.pactffi_verifier_output(handle, stripAnsi: true)) ?? string.Empty;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeMethods.pactffi_verifier_shutdown(handle);
        }
    }

    private static void Expect(int status, string step)
    {
        if (status != 0)
        {
            throw PactModel.Failure($"libpact_ffi could not {step} (code {status.ToString(CultureInfo.InvariantCulture)}).");
        }
    }
}
