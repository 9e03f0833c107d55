namespace Conformance.Trx;

/// <summary>The TRX outcomes this reporter writes; the names are the schema's <c>outcome</c> values.</summary>
internal enum TrxOutcome
{
    Passed,
    Failed,
    NotExecuted,
    Error,
    Timeout,
    Aborted,
}
