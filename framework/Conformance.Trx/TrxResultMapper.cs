using Microsoft.Testing.Platform.Extensions.Messages;

namespace Conformance.Trx;

/// <summary>
/// Turns a test node update into a <see cref="TrxTestResult"/> when it is final (passed, failed, error, timeout,
/// cancelled, skipped); in-progress and discovered updates give null.
/// </summary>
internal static class TrxResultMapper
{
    /// <summary>The result, or null when the update is not final.</summary>
    /// <param name="node">The updated test node.</param>
    /// <param name="adapterTypeName">Names the framework that produced the update.</param>
    /// <param name="receivedAt">Stands in for start and end when the node carries no timing.</param>
    /// <param name="executionId">The id of this execution.</param>
    public static TrxTestResult? Map(TestNode node, string adapterTypeName, DateTimeOffset receivedAt, Guid executionId)
    {
        var state = node.Properties.FirstOrDefault<TestNodeStateProperty>();
        if (Outcome(state) is not { } outcome)
        {
            return null;
        }

        var fullName = node.Uid.Value;
        var (className, methodName) = Names(node, fullName);
        var timing = node.Properties.FirstOrDefault<TimingProperty>()?.GlobalTiming;
        var exception = Exception(state!);
        return new TrxTestResult(
            executionId,
            fullName,
            string.IsNullOrEmpty(node.DisplayName) ? fullName : node.DisplayName,
            className,
            methodName,
            adapterTypeName,
            outcome,
            timing?.StartTime ?? receivedAt,
            timing?.EndTime ?? receivedAt,
            timing?.Duration ?? TimeSpan.Zero)
        {
            StdOut = Join(node.Properties.OfType<StandardOutputProperty>().Select(p => p.StandardOutput)),
            StdErr = Join(node.Properties.OfType<StandardErrorProperty>().Select(p => p.StandardError)),
            ErrorMessage = string.IsNullOrEmpty(exception?.Message) ? NullIfEmpty(state!.Explanation) : exception.Message,
            StackTrace = NullIfEmpty(exception?.StackTrace),
        };
    }

    // Cancelled is obsolete for frameworks to send (MTP0001), but older frameworks still send it: it reads as Aborted.
#pragma warning disable MTP0001
    private static TrxOutcome? Outcome(TestNodeStateProperty? state) => state switch
    {
        PassedTestNodeStateProperty => TrxOutcome.Passed,
        SkippedTestNodeStateProperty => TrxOutcome.NotExecuted,
        FailedTestNodeStateProperty => TrxOutcome.Failed,
        ErrorTestNodeStateProperty => TrxOutcome.Error,
        TimeoutTestNodeStateProperty => TrxOutcome.Timeout,
        CancelledTestNodeStateProperty => TrxOutcome.Aborted,
        _ => null,
    };

    private static Exception? Exception(TestNodeStateProperty state) => state switch
    {
        FailedTestNodeStateProperty s => s.Exception,
        ErrorTestNodeStateProperty s => s.Exception,
        TimeoutTestNodeStateProperty s => s.Exception,
        CancelledTestNodeStateProperty s => s.Exception,
        _ => null,
    };
#pragma warning restore MTP0001

    // Class from the method identifier when the framework sends one, else from the name: "Ns.Class.Method(args)".
    // The method name keeps the arguments ("Cases(1)"), so data-driven cases stay apart in TRX viewers.
    private static (string ClassName, string MethodName) Names(TestNode node, string fullName)
    {
        var method = node.Properties.FirstOrDefault<TestMethodIdentifierProperty>();
        var className = method is null
            ? ClassFromName(fullName)
            : string.IsNullOrEmpty(method.Namespace) ? method.TypeName : method.Namespace + "." + method.TypeName;
        var methodName = fullName.StartsWith(className + ".", StringComparison.Ordinal) && className.Length > 0
            ? fullName[(className.Length + 1)..]
            : method?.MethodName ?? fullName;
        return (className, methodName);
    }

    private static string ClassFromName(string fullName)
    {
        var arguments = fullName.IndexOf('(', StringComparison.Ordinal);
        var withoutArguments = arguments < 0 ? fullName : fullName[..arguments];
        var lastDot = withoutArguments.LastIndexOf('.');
        return lastDot <= 0 ? string.Empty : withoutArguments[..lastDot];
    }

    private static string? Join(IEnumerable<string> parts) => NullIfEmpty(string.Join(Environment.NewLine, parts.Where(p => !string.IsNullOrEmpty(p))));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
