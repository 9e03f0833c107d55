using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// A fetched token the target refuses before it expires (revoked, rotated, a shorter life than <c>expires_in</c> said):
/// the probe that carried it and was answered 401, on a row that does not expect 401, is sent once more with a new
/// token, fetched once for all the cases that saw the old one refused. A 401 changed nothing on the target, so even a
/// POST may be sent again. Rows that expect 401 (no_auth, bad_auth, a row expecting it with the token) never renew it.
/// A row's <c>setup:</c>, which always expects a 2xx, is renewed for in the same way.
/// </summary>
internal static class TokenRenewal
{
    /// <summary>
    /// The probe's exchange; when the target answered it 401 to the fetched token and the row does not expect 401, that of
    /// the probe sent again (by <paramref name="send"/>) with a new token, the refused attempt added to
    /// <paramref name="retried"/>; <paramref name="unrenewed"/> says why when no new token could be had.
    /// </summary>
    public static async Task<(ProbeExchange Exchange, string? Unrenewed)> ProbeAsync(ProbeExchange exchange, ScenarioInput input, Func<ScenarioInput, Task<ProbeExchange>> send, StatusRow row, TargetClient client, TimeProvider time, Redactor redactor, List<ProbeStep> retried, CancellationToken cancellationToken)
    {
        if (row.Expected.Contains(401) || RefusedToken(exchange.Final, client) is not { } sent)
        {
            return (exchange, null);
        }

        var renewed = await client.Tokens!.RenewAsync(sent, time, redactor, cancellationToken);
        if (renewed?.Token is not { } fresh)
        {
            return (exchange, renewed?.Failure);
        }

        retried.Add(exchange.Final);
        return (await send(input with { Baseline = input.Baseline with { Credential = fresh } }), null);
    }

    /// <summary>
    /// The setup's outcome; when the target answered it 401 to the fetched token, that of a second setup sent with a new
    /// token (fetched once for every case that saw the old one refused; the refused attempt is added to
    /// <paramref name="retried"/>), or why no new token could be had. A second 401 stands.
    /// </summary>
    public static async Task<SetupOutcome> SetupAsync(OperationSetup setup, Func<string?, Task<SetupOutcome>> send, TargetClient client, TimeProvider time, Redactor redactor, List<ProbeStep> retried, CancellationToken cancellationToken)
    {
        var outcome = await send(null);
        if (RefusedToken(outcome.Step, client) is not { } sent || outcome.Step.Response is not { } response)
        {
            return outcome;
        }

        var renewed = await client.Tokens!.RenewAsync(sent, time, redactor, cancellationToken);
        if (renewed?.Failure is { } failure)
        {
            return outcome with { Failure = $"Setup failed, no probe was sent: {setup.Op} answered {response.Status} {response.Reason} to the fetched token, and a new one could not be fetched: {failure}" };
        }

        if (renewed?.Token is not { } fresh)
        {
            return outcome;
        }

        retried.Add(outcome.Step);
        return await send(fresh);
    }

    /// <summary>The fetched token the step's request carried, when the target answered it 401; else null.</summary>
    private static string? RefusedToken(ProbeStep step, TargetClient client) =>
        client.Tokens is { } tokens && step.Response is { Status: 401 } && step.Request.Credential is { } sent && tokens.Issued(sent) ? sent : null;

    /// <summary>The case's message when no new token could be fetched: no verdict on a probe sent with a refused token.</summary>
    public static string Failed(ProbeExchange exchange, string failure) =>
        $"No verdict: the target answered {exchange.Response!.Status} {exchange.Response.Reason} to the fetched token, and a new one could not be fetched: {failure}";
}
