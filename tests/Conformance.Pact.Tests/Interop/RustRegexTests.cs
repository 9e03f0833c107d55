using Conformance.Pact.Interop;

namespace Conformance.Pact.Tests.Interop;

public sealed class RustRegexTests
{
    [Test]
    public void Escape_MetaCharacters_BackslashedOthersKept()
    {
        Assert.That(
            RustRegex.Escape(@"notes / get_note / unknown_id(param=note_id) -> 404 [a.b] $^ * + ? {1} | # & ~ \"),
            Is.EqualTo(@"notes / get_note / unknown_id\(param=note_id\) \-> 404 \[a\.b\] \$\^ \* \+ \? \{1\} \| \# \& \~ \\"));
    }
}
