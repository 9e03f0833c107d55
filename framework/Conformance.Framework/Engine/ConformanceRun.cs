using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// One run: the loaded contracts, a target client per API, the shared request budget and the redactor.
/// Settings are validated once here, with every error listed.
/// </summary>
public sealed class ConformanceRun : IDisposable
{
    private readonly Dictionary<string, TargetClient> clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiGate> gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseBreaker> breakers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiPack> bound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Diagnostic>> targetErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Diagnostic> missingCredentials = new(StringComparer.Ordinal);
    private readonly ReportLock? reportLock;

    /// <param name="reportsRoot">
    /// The folder relative report settings are taken from; when given, every report's place is checked (and its folder
    /// created) before the first case (<see cref="ReportPlaces"/>), a place that cannot take it being a run setting error,
    /// and the run holds its reports folder until it is disposed (<see cref="ReportLock"/>).
    /// </param>
    public ConformanceRun(ContractSet contracts, SettingsSource settings, Func<string, Uri?>? referenceBase, string? reportsRoot = null)
    {
        Contracts = contracts;
        var errors = new List<Diagnostic>();
        Settings = TargetResolver.ReadRun(settings, errors);
        errors.AddRange(RunParameters.Of(settings.Arguments));
        if (reportsRoot is not null)
        {
            var places = ReportPlaces.Check(settings, reportsRoot);
            errors.AddRange(places);
            reportLock = places.Count == 0 ? ReportLock.Take(Reporting.Allure.ReportLocation.Resolve(settings, reportsRoot).ScorecardDirectory, errors) : null;
            WritesNoReports = reportLock is null; // its folder cannot take them, or another run holds it: its cases say so
        }

        RunSettingErrors = [.. errors.Select(settings.FromItsOrigin)];
        Budget = new RequestBudget(Settings.RequestBudget);
        Hosts = HostLimits.For(Settings, () => Time);
        foreach (var loaded in contracts.Packs.Where(p => p.Pack is not null))
        {
            // A pack with any invalid setting gets no client: its rows are broken with every error, nothing is sent
            // (a bad value is never silently replaced by a default).
            var packErrors = new List<Diagnostic>();
            if (TargetResolver.Resolve(loaded.Pack!, settings, Settings, referenceBase, packErrors) is { } target && packErrors.Count == 0)
            {
                clients[loaded.Name] = new TargetClient(target, loaded.Pack!.Auth, Budget, Hosts, () => Time);
                gates[loaded.Name] = new ApiGate();
                breakers[loaded.Name] = new CaseBreaker(loaded.Name, Settings, () => Time);
                bound[loaded.Name] = VarBinding.Bind(loaded.Pack!, target.Vars);
                if (MissingCredential.Find(loaded.Pack!, target) is { } missing)
                {
                    missingCredentials[loaded.Name] = missing;
                }
            }
            else if (packErrors.Count > 0)
            {
                targetErrors[loaded.Name] = [.. packErrors.Select(settings.FromItsOrigin)];
            }
        }

        Redactor = new Redactor(Secrets(contracts, settings), contracts.Packs.Select(p => p.Pack?.Auth?.Header).Concat(contracts.Packs.Select(p => p.Pack?.Auth?.QueryParameter)));
        Runner = new CaseRunner(this);
    }

    public ContractSet Contracts { get; }

    /// <summary>True when the run's reports folder was refused (<see cref="ReportPlaces"/>, <see cref="ReportLock"/>): nothing is written there.</summary>
    public bool WritesNoReports { get; }

    /// <summary>
    /// The run's secrets: each target's token, the credentials in its base URL and token URL, the secret settings (client certificate password, OAuth client secret...), and the
    /// value a target gives a variable named like a credential (<c>&lt;api&gt;.var.tenant_secret</c>: an API's second credential).
    /// </summary>
    private IEnumerable<string?> Secrets(ContractSet contracts, SettingsSource settings) =>
        clients.Values.Select(c => c.Options.Token).Concat(clients.Values.SelectMany(c => Redactor.InUrl(c.Options.BaseUrl)))
            .Concat(clients.Values.SelectMany(c => c.Options.OAuth is { } oauth ? Redactor.InUrl(oauth.TokenUrl) : []))
            .Concat(contracts.Packs.SelectMany(p => SecretSettings.Keys.Where(key => key != "token").Select(key => settings.Get(p.Name, key))))
            .Concat(contracts.Packs.SelectMany(p => (p.Pack?.Vars.Keys ?? []).Where(Redactor.IsCredentialName).Select(v => settings.Get($"{p.Name}.var", v))));

    /// <summary>The clock for case timestamps, retry waits and request pacing (injectable; never DateTime.Now).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public RunSettings Settings { get; }

    public RequestBudget Budget { get; }

    /// <summary>One limit per target host, shared by every API on it (<c>conformance.hostRequestsPerSecond</c>, <c>conformance.hostConcurrency</c>); null when neither is set.</summary>
    public HostLimits? Hosts { get; }

    /// <summary>The errors in one API's target settings (<c>&lt;api&gt;.*</c>): its cases are broken with them, no probe is sent.</summary>
    public IReadOnlyList<Diagnostic> TargetErrors(string api) => targetErrors.GetValueOrDefault(api) ?? [];

    /// <summary>Errors in the run-wide settings (conformance.*): every case is broken with them, no probe is sent.</summary>
    public IReadOnlyList<Diagnostic> RunSettingErrors { get; }

    public Redactor Redactor { get; }

    /// <summary>
    /// The cases of unknown settings (CT0305) the suites show, run or not, found at discovery: the scorecard keeps the
    /// verdicts of those a filtered run left out, as it does an invalid pack entry's.
    /// </summary>
    public IReadOnlyList<InvalidEntry> SettingEntries { get; init; } = [];

    /// <summary>
    /// The pact interactions the suites verify, run or not, found at discovery: the scorecard keeps the verdicts of those a
    /// filtered run left out. Null when no pact source is configured: the scorecard then keeps every previous interaction's.
    /// </summary>
    public IReadOnlyList<PactInteraction>? PactInteractions { get; init; }

    public CaseRunner Runner { get; }

    public IReadOnlyDictionary<string, TargetClient> Clients => clients;

    /// <summary>True when some pack has no configured base URL and needs the embedded reference API.</summary>
    public static bool NeedsReference(ContractSet contracts, SettingsSource settings) =>
        contracts.Packs.Any(p => p.Pack is not null && settings.Get(p.Name, "baseUrl") is null);

    internal ApiGate? GateFor(string api) => gates.GetValueOrDefault(api);

    /// <summary>The API's circuit breaker (<c>conformance.circuitBreaker</c>): one per target, never shared.</summary>
    internal CaseBreaker? BreakerFor(string api) => breakers.GetValueOrDefault(api);

    /// <summary>The pack with its target's variable values in place (the pack itself when it has no vars).</summary>
    internal ApiPack? PackFor(string api) => bound.GetValueOrDefault(api);

    /// <summary>CT0304 for an API whose pack sends a credential and whose configured target has none, else null.</summary>
    internal Diagnostic? MissingCredentialFor(string api) => missingCredentials.GetValueOrDefault(api);

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }

        Hosts?.Dispose();
        reportLock?.Dispose();
    }
}
