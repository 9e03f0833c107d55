using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using Conformance.Engine;

namespace Conformance.Framework.Tests.Diagnostics;

/// <summary>docs/ct-codes.md documents exactly the CT01xx/CT03xx/CT04xx codes of <see cref="ErrorCodes.All"/>.</summary>
public sealed partial class ErrorCodesDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "ct-codes.md"));

    [Test]
    public void CtCodesDoc_EveryCode_HasARowWithItsTitleAndFix()
    {
        foreach (var code in ErrorCodes.All)
        {
            Assert.That(Doc, Does.Contain($"| {code.Code} | {code.Title} |").And.Contain($"| {code.Fix} |"), code.Code);
        }
    }

    [Test]
    public void CtCodesDoc_EveryCodeListed_ExistsInErrorCodes()
    {
        var listed = TableRow().Matches(Doc).Select(m => m.Groups[1].Value).ToList();
        Assert.That(listed, Is.EquivalentTo(ErrorCodes.All.Select(c => c.Code)));
        Assert.That(Doc, Does.Contain("(ct-codes-schema.md)"));
    }

    [Test]
    public void ErrorCodes_All_ListsEveryDeclaredCodeOnce()
    {
        var declared = typeof(ErrorCodes).GetFields().Where(f => f.FieldType == typeof(ErrorCode)).Select(f => ((ErrorCode)f.GetValue(null)!).Code);
        Assert.That(ErrorCodes.All.Select(c => c.Code), Is.EquivalentTo(declared).And.Unique);
    }

    [GeneratedRegex(@"^\| (CT0[134]\d\d) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
