namespace Conformance.Schema.Keywords;

/// <summary>ECMA-262 Unicode property names (<c>\p{Letter}</c>, <c>\p{Script=Greek}</c>) as .NET names (<c>L</c>, <c>IsGreek</c>).</summary>
internal static class UnicodeProperties
{
    public static string DotNetName(string name)
    {
        var value = name.Contains('=', StringComparison.Ordinal) ? name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..] : name;
        return value switch
        {
            "Letter" => "L", "Lowercase_Letter" => "Ll", "Uppercase_Letter" => "Lu", "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm", "Other_Letter" => "Lo", "Mark" => "M", "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc", "Enclosing_Mark" => "Me", "Number" => "N", "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl", "Other_Number" => "No", "Punctuation" or "punct" => "P", "Symbol" => "S",
            "Math_Symbol" => "Sm", "Currency_Symbol" => "Sc", "Separator" => "Z", "Space_Separator" => "Zs",
            "Line_Separator" => "Zl", "Paragraph_Separator" => "Zp", "Other" => "C", "Control" or "cntrl" => "Cc",
            "Format" => "Cf", "Private_Use" => "Co", "Surrogate" => "Cs", "Unassigned" => "Cn",
            _ when name.StartsWith("Script", StringComparison.Ordinal) || name.StartsWith("sc=", StringComparison.Ordinal) => "Is" + value,
            _ => value,
        };
    }
}
