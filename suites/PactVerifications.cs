using System.Collections.Concurrent;
using Conformance.Pact;
using Conformance.Pact.States;
using Conformance.ReferenceApi;
using Conformance.Reporting;

namespace Conformance.Suites;

/// <summary>
/// Runs the verifier once per provider, on first use, against <c>pact.providerBaseUrl</c> or else the target the
/// run resolved for the pack of that name: its configured base URL, or the embedded reference API in an instance of
/// its own (the verifier and the run's rows never share its state: a note both delete is there for each). When that
/// pack has a configured token, pact files are verified from copies carrying it in place of the exported sample
/// credential (<see cref="PactCredentials"/>), in a private temporary folder deleted after the verification; pacts
/// from a broker, which the verifier fetches itself, and pacts verified with a fetched token (OAuth), which a provider
/// state's setup may renew, through a <see cref="CredentialProxy"/> that swaps it on the way. Through it too whenever a
/// bound of the run applies to the provider (<see cref="PactPacing"/>): its interaction requests then take their turn.
/// </summary>
public static class PactVerifications
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PactVerificationResult>>> Runs = new(StringComparer.Ordinal);
    private static readonly Lazy<Redactor> LazyRedactor = new(() => new Redactor(
        [
            .. SuiteContext.PactSettings.BrokerSecrets,
            .. SuiteContext.Run?.Clients.Values.Select(c => c.Options.Token) ?? [],
            .. SuiteContext.PactSettings.ProviderBaseUrl is { } provider ? Redactor.InUrl(provider) : [], // in a setup's curl line
            .. SuiteContext.Run?.Clients.Values.SelectMany(c => Redactor.InUrl(c.Options.BaseUrl)) ?? [],
        ],
        []));

    public static Task<PactVerificationResult> For(PactTarget target) =>
        Runs.GetOrAdd(target.Provider, _ => new Lazy<Task<PactVerificationResult>>(() => Task.Run(() => VerifyAsync(target)))).Value;

    /// <summary>Masks the broker token, every target's token and the user info of each URL in what the pact cases report.</summary>
    public static Redactor Redactor => LazyRedactor.Value;

    /// <summary>
    /// Why an interaction is not sent, or null: like the rows, a POST, PUT, PATCH or DELETE goes to a pack's configured
    /// target only where <c>{api}.allowMutation</c> is true (an explicit pact.providerBaseUrl is the user's choice).
    /// </summary>
    public static string? Refusal(PactTarget target, string description) =>
        SuiteContext.Run?.Settings.DryRun == true
            ? $"Dry run (conformance.dryRun=true): nothing sent; would verify interaction '{description}' of the {target.Provider} pact against {ProviderHost(target)}"
            : target.Mutating.Contains(description) && RefusingClient(target) is { } client
                ? $"Skipped: interaction '{description}' mutates and {target.Provider}.allowMutation is not true for {client.Options.BaseUrl.Host}" + Targets.Mutation.Hint(target.Provider)
                : null;

    /// <summary>Whether the mutating interactions are left out of the verification (then no results are published).</summary>
    public static bool LeavesOut(PactTarget target) => target.Mutating.Count > 0 && RefusingClient(target) is not null;

    private static string ProviderHost(PactTarget target) =>
        SuiteContext.PactSettings.ProviderBaseUrl?.Host ?? SuiteContext.Run?.Clients.GetValueOrDefault(target.Provider)?.Options.BaseUrl.Host ?? "its target";

    /// <summary>The pack's configured target when it refuses mutation (the embedded reference API allows it), else null.</summary>
    private static Targets.TargetClient? RefusingClient(PactTarget target) =>
        SuiteContext.PactSettings.ProviderBaseUrl is null && SuiteContext.Run?.Clients.GetValueOrDefault(target.Provider) is { Options.AllowMutation: false } client
            ? client
            : null;

    private static async Task<PactVerificationResult> VerifyAsync(PactTarget target)
    {
        var settings = SuiteContext.PactSettings;
        var client = SuiteContext.Run?.Clients.GetValueOrDefault(target.Provider);
        var only = LeavesOut(target) ? target.Descriptions.Where(d => !target.Mutating.Contains(d)).ToList() : null;
        if (only is { Count: 0 })
        {
            return new PactVerificationResult(true, [], string.Empty);
        }

        if (settings.ProviderBaseUrl is null && client?.Options.IsReference == true)
        {
            await using var own = await ReferenceServer.StartAsync();
            return await VerifyAsync(target, client, own.BaseUriFor(target.Provider), only);
        }

        return await VerifyAsync(target, client, settings.ProviderBaseUrl ?? client?.Options.BaseUrl, only);
    }

    /// <param name="only">The interactions to send when the mutating ones are refused, or null for all.</param>
    private static async Task<PactVerificationResult> VerifyAsync(PactTarget target, Targets.TargetClient? client, Uri? providerBaseUrl, List<string>? only)
    {
        var baseUrl = providerBaseUrl
            ?? throw new PactException($"No base URL for provider '{target.Provider}': it is not a pack name with a target. Fix: set pact.providerBaseUrl (or CONFORMANCE_PACT_PROVIDERBASEURL).");
        // Without pact.stateChangeUrl, the pack's setup states are run by the framework itself, against the verified target;
        // the interaction requests there take the turn its requests take.
        using var setupClient = client is not null && !SameOrigin(baseUrl, client.Options.BaseUrl) ? SetupClient(client, baseUrl) : null;
        var setups = setupClient ?? client;
        var states = SuiteContext.PactSettings.StateChangeUrl is null && SuiteContext.Run is { } run && setups is not null
            && run.Contracts.Find(target.Provider) is { Pack: { } pack } loaded
            ? new SetupStates(pack, setups, run.Redactor, run.Time) { Schemas = loaded.Schemas, Rows = loaded.Rows, Run = run }
            : null;
        PactVerificationResult result;
        try
        {
            result = await VerifyAsync(target, client, baseUrl, only, states, PactPacing.For(setups, baseUrl));
        }
        finally
        {
            if (states is not null)
            {
                await states.DisposeAsync(); // the cleanups of setups the verifier did not tear down
            }
        }

        return states?.WithLeftOvers(result) ?? result; // a cleanup that failed then: on the interaction whose setup it was
    }

    /// <summary>
    /// A client for setups on a provider that is not the pack's configured target (the reference API's own instance,
    /// or pact.providerBaseUrl): the pack's settings, without its TLS settings, with the token the pacts carry, and
    /// mutation allowed (every interaction goes there too).
    /// </summary>
    private static Targets.TargetClient SetupClient(Targets.TargetClient client, Uri baseUrl) =>
        new(client.Options with { BaseUrl = baseUrl, Token = client.Options.IsReference ? client.Options.Token : client.Auth?.Sample, OAuth = null, AllowMutation = true, Tls = Targets.TlsSettings.System }, client.Auth, SuiteContext.Run!.Budget, SuiteContext.Run.Hosts, () => SuiteContext.Run?.Time ?? TimeProvider.System);

    /// <param name="turn">The turn each interaction request takes (<see cref="PactPacing"/>), or null.</param>
    private static async Task<PactVerificationResult> VerifyAsync(PactTarget target, Targets.TargetClient? client, Uri baseUrl, List<string>? only, SetupStates? states, RequestTurn? turn)
    {
        var settings = SuiteContext.PactSettings;
        // The verifier's own console report is unredacted; each case shows its part, masked (PactSuite).
        var options = new PactVerifierOptions(target.Provider, baseUrl)
        {
            ProviderStateChangeUri = settings.StateChangeUrl,
            StateHandler = states,
            RequestTimeout = (SuiteContext.Run?.Settings ?? Targets.RunSettings.Default).Timeout, // conformance.timeoutSeconds, as for the rows
            Publish = only is null ? settings.Publish : null, // a run that left interactions out is no verification to record
            QuietConsole = true,
            OnlyDescriptions = only,
        };
        // The target's token goes only to the target's own origin: a pact.providerBaseUrl elsewhere gets the pacts as written.
        var own = client is not null && SameOrigin(baseUrl, client.Options.BaseUrl);
        if (own && SuiteContext.Run is { } run && client!.Tokens is not null)
        {
            if (await client.EnsureTokenAsync(run.Time, run.Redactor, CancellationToken.None) is { } noToken)
            {
                throw new PactException($"No credential, no interaction was sent: {run.Redactor.Text(noToken)}");
            }

            Redactor.Add(client.Options.Token!); // fetched after this redactor was made: a mismatch echoing it stays masked
        }

        var swap = own && client is { Auth: { } auth, Options.Token: { } token } && token != PactCredentials.Exported(auth);
        // The verifier's own client knows nothing of the target's TLS settings: the loopback proxy speaks TLS for it.
        (string Api, Targets.TlsSettings Settings)? tls = own ? (target.Provider, client!.Options.Tls) : null;
        var ownTls = tls is { Settings.IsSystem: false };
        if (!swap && !ownTls && turn is null)
        {
            return PactVerifier.Verify(options, target.Source);
        }

        // A fetched token may be renewed during the verification (a provider state's setup, or an interaction, answered 401
        // to it): copies written beforehand would keep the refused one, so each interaction gets the token of the moment on
        // the way, and one refused is renewed and sent once more.
        var fetched = swap && client!.Tokens is not null;
        if (target.Source is not FileSource files || ownTls || fetched || turn is not null)
        {
            // Fetched by the verifier itself (a broker), a target with TLS settings, a fetched token, or requests paced: the
            // credential is swapped on the way.
            await using var proxy = await CredentialProxy.StartAsync(baseUrl, swap ? client!.Auth : null, swap ? client!.Options.Token : null, options.RequestTimeout, tls,
                fetched ? () => client!.Options.Token : null, fetched ? (refused, cancel) => RenewAsync(client!, refused, cancel) : null,
                fetched ? PactRefusals.Read(target.Pacts, client!.Auth!) : null, turn, // an interaction expecting 401 with the token is not renewed for
                PactSuite.BaseUrlSetting(target.Provider)); // a request with no response says why, naming the setting that gave its target
            try
            {
                // The wait for a turn is not the target's: the forwarder times each exchange with the run's timeout itself.
                var through = options with { ProviderBaseUri = proxy.BaseUri, RequestTimeout = options.RequestTimeout + (turn is null ? TimeSpan.Zero : PactPacing.TurnAllowance) };
                return proxy.AsTarget(PactVerifier.Verify(through, target.Source));
            }
            finally
            {
                if (fetched)
                {
                    Redactor.Add(client!.Options.Token!); // renewed during the verification: a mismatch echoing it stays masked
                }
            }
        }

        var (packAuth, ownToken) = (client!.Auth!, client.Options.Token!);
        var copies = Directory.CreateTempSubdirectory("conformance-pact-");
        try
        {
            var paths = files.Paths.Select((path, i) => WithCredential(path, Path.Combine(copies.FullName, $"{i}-{Path.GetFileName(path)}"), packAuth, ownToken)).ToList();
            return PactVerifier.Verify(options, PactSource.Files(paths));
        }
        finally
        {
            copies.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A token in place of <paramref name="refused"/>, which the target answered 401 to an interaction: the run's one
    /// shared refetch, as for a row (masked from here on); none when the 401 stands (a token fetched after a refusal, or
    /// none to be had: then the token request's reason).
    /// </summary>
    private static async Task<RenewedToken> RenewAsync(Targets.TargetClient client, string refused, CancellationToken cancellationToken)
    {
        var run = SuiteContext.Run!;
        var renewed = await client.Tokens!.RenewAsync(refused, run.Time, run.Redactor, cancellationToken);
        if (renewed?.Token is { } token)
        {
            Redactor.Add(token);
        }

        return new RenewedToken(renewed?.Token, renewed?.Failure);
    }

    /// <summary>Scheme, host and port alike: where a token may go.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static string WithCredential(string path, string copy, Contracts.AuthScheme auth, string token)
    {
        try
        {
            File.WriteAllText(copy, PactCredentials.Rewrite(Files.WholeFile.Text(path, Files.FileKind.Pact), auth, token).Json);
            return copy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new PactException($"The pact file '{path}' could not be given the target's token: {e.Message.TrimEnd('.')}. Fix: check the file is readable JSON and the temporary folder is writable.");
        }
    }
}
