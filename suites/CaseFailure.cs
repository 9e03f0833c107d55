using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Suites;

/// <summary>
/// Fails the current case with its message alone. <c>Assert.Fail</c> records NUnit's stack trace with it
/// (<c>at Conformance.Suites.ConformanceSuite.Row(CaseKey key) ...</c>, twice), which the console and the TRX file show
/// under the message: noise for a conformance failure, whose message already says what was expected, what came back and
/// how to reproduce it. Recorded as a failed assertion without a stack trace, the case fails all the same (outcome
/// Failed, exit code 2) and NUnit ends it as it ends one whose <c>Assert.Warn</c> it recorded; an exception thrown in a
/// case (a fault of the framework, not of the API) still reaches NUnit, and shows its stack.
/// </summary>
internal static class CaseFailure
{
    public static void Record(string message) =>
        TestExecutionContext.CurrentContext.CurrentResult.RecordAssertion(AssertionStatus.Failed, message);
}
